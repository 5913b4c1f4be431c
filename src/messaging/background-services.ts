import { browser } from 'wxt/browser';
import { isIsoDate, todayInChina } from '../core/calendar.ts';
import { defaultAwardId, refOf, versionInForce } from '../awards/index.ts';
import { precheckCore } from './precheck-core.ts';
import { syncStatusRowsByKind } from './status-kind.ts';
import { portalAdapterSchema, type PortalAdapter } from '../portal/adapter-schema.ts';
import { statusRowsToEvents } from '../portal/status.ts';
import { SHIPPED_ADAPTER_FILES } from '../portal/adapters/shipped-files.ts';
import { readShippedAdapterFile } from '../portal/adapters/shipped-mirror.ts';
import * as storage from '../storage/repos.ts';
import type { BackgroundToPanel } from './panel-protocol.ts';
import { PROFILE_ID, profileToValues } from './profile.ts';
import type { BackgroundToContent } from './protocol.ts';
import type { BackgroundServices } from './router.ts';
import { TabStateStore, type SessionArea } from './tab-state-store.ts';
import { PREFILL_DRIVER_FILE } from '../portal/dom/prefill-driver-slot.ts';
import { showToolbarState } from './toolbar-state.ts';

/** Demo portal origins granted at install (wxt.config.ts host_permissions); others come from permissions.getAll(). */
const DEMO_PATTERNS = ['http://127.0.0.1/*', 'http://localhost/*'];

let adapterCache: { at: number; adapters: PortalAdapter[] } | null = null;

/**
 * The shipped adapters, read from the package when first needed (not bundled: issue 19) and checked
 * with the adapter schema like the saved ones. A failed read is retried on the next need.
 */
let shipped: Promise<PortalAdapter[]> | null = null;
/** The shipped adapters once read: the pre-check's fallback, resolved synchronously. */
let shippedLoaded: readonly PortalAdapter[] = [];
function shippedAdapters(): Promise<PortalAdapter[]> {
  shipped ??= Promise.all(SHIPPED_ADAPTER_FILES.map(async (f) => portalAdapterSchema.parse(await readShippedAdapterFile(f.full)))).then(
    (list) => ((shippedLoaded = list), list),
    (e: unknown) => {
      shipped = null;
      throw e;
    },
  );
  return shipped;
}

/** Adapters the user saved (options page) win over the shipped ones with the same id. */
async function adapterById(id: string): Promise<PortalAdapter | null> {
  if (!adapterCache || Date.now() - adapterCache.at > 3000) {
    const stored: PortalAdapter[] = [];
    try {
      for (const r of await storage.listAdapters()) {
        const parsed = portalAdapterSchema.safeParse(r.adapter);
        if (parsed.success) stored.push(parsed.data);
      }
    } catch {
      // storage unavailable: shipped adapters still work
    }
    adapterCache = { at: Date.now(), adapters: [...stored, ...(await shippedAdapters().catch(() => []))] };
  }
  return adapterCache.adapters.find((a) => a.id === id) ?? null;
}

/** Adapter of the latest snapshot per id, resolved synchronously inside the pre-check. */
const resolvedAdapters = new Map<string, PortalAdapter>();

export async function createBackgroundServices(): Promise<BackgroundServices & { refreshPortalPatterns(): Promise<void> }> {
  let patterns: string[] = [...DEMO_PATTERNS];
  const refreshPortalPatterns = async () => {
    try {
      const granted = (await browser.permissions.getAll()).origins ?? [];
      patterns = [...new Set([...DEMO_PATTERNS, ...granted])];
    } catch {
      patterns = [...DEMO_PATTERNS];
    }
  };
  await refreshPortalPatterns();
  const session = (browser.storage as unknown as { session?: SessionArea }).session;

  return {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    portalPatterns: () => patterns,
    refreshPortalPatterns,
    async warmAdapter(id: string) {
      const a = await adapterById(id);
      if (a) resolvedAdapters.set(id, a);
    },
    // an adapter id neither saved nor shipped converts with the first shipped adapter (the demo portal's), as before
    core: precheckCore((id) => resolvedAdapters.get(id) ?? shippedLoaded[0]),
    store: new TabStateStore(session),
    async loadPrefillDriver(tabId: number) {
      // the top frame only, like the content script; the default (isolated) world is the content script's own
      await browser.scripting.executeScript({ target: { tabId }, files: [PREFILL_DRIVER_FILE] });
    },
    sendToTab(tabId: number, message: BackgroundToContent): Promise<unknown> {
      return browser.tabs.sendMessage(tabId, message);
    },
    async broadcast(message: BackgroundToPanel) {
      // Rejects when no extension page is open: nothing to tell.
      await browser.runtime.sendMessage(message).catch(() => undefined);
    },
    async activeTabId(windowId?: number) {
      const [tab] = await browser.tabs.query(windowId !== undefined ? { active: true, windowId } : { active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    },
    async saveDraft(draft, expectedVersion) {
      // issue 16: the draft records the award its adapter names and the version in force on its submission date
      const { adapterId, ...record } = draft;
      const on = (draft.application as { submittedOn?: unknown } | null)?.submittedOn;
      const award = refOf(versionInForce(resolvedAdapters.get(adapterId ?? '')?.award ?? defaultAwardId, typeof on === 'string' && isIsoDate(on) ? on : todayInChina()));
      return storage.saveDraft({ ...record, award }, { durability: 'relaxed', ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
    },
    async recordStatusRows(rows, adapterId) {
      const adapter = (await adapterById(adapterId)) ?? (await shippedAdapters())[0]!;
      const drafts = await storage.listDrafts().catch(() => []);
      // Each case's kind comes from the draft that matches its row, never from the latest-edited draft.
      const { caseIds, unmapped } = await syncStatusRowsByKind(rows, drafts, {
        statusRowsToEvents: (r, applicantKind) => statusRowsToEvents(r, adapter, applicantKind ? { applicantKind } : {}) as never,
        getCase: storage.getCase,
        createCase: storage.createCase,
        getCaseEvents: storage.getCaseEvents,
        appendCaseEvents: (id, events, by) => storage.appendCaseEvents(id, events as never, by),
      });
      for (const u of unmapped) console.warn('[award-pilot] status row not recorded / 状态行未记录:', u.row.applicantName, u.row.statusText, u.reason.zh, u.reason.en);
      return caseIds;
    },
    showVerdict: showToolbarState,
    async recordAnchorMiss(miss) {
      await storage.recordAnchorMiss(miss);
    },
    async profileValues(profileId) {
      const record = await storage.getProfile(profileId ?? PROFILE_ID);
      return record ? profileToValues(record.data) : null;
    },
  };
}
