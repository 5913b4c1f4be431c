import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Bilingual } from '../../core/i18n.ts';
import { askBackground, onBackgroundMessage } from '../../messaging/panel-client.ts';
import type { TabState } from '../../messaging/panel-protocol.ts';

/** The portal tab the panel follows (its own window's active tab, else the latest portal tab). */
export const tabState = signal<TabState | null>(null);
export const connection = signal<'loading' | 'ready' | 'error'>('loading');
export const notice = signal<{ kind: 'info' | 'error'; text: Bilingual } | null>(null);
/** bumps when the stored data the tabs read (cases, self-evaluation) may have changed */
export const storageVersion = signal(0);

export const page = computed(() => tabState.value?.page ?? null);

let windowId: number | undefined;
/** sidepanel.html opened as an ordinary tab (development, tests) rather than in the side panel */
let inOwnTab = false;
/** the field whose pick this panel started (picks started on the options page are saved there) */
let pickStartedHere: string | null = null;

export function startPick(tabId: number, field: string): Promise<boolean> {
  pickStartedHere = field;
  return runAction({ type: 'panel/start-picker', tabId, field }, { zh: '请在页面上点击该字段', en: 'click that field on the page' });
}

/** the latest request for the tab's state, and the one whose answer (or a broadcast after it) is shown */
let asked = 0;
let shown = 0;

export async function refreshTabState(): Promise<void> {
  const n = ++asked;
  const ask = () => askBackground({ type: 'panel/get-tab-state', ...(windowId !== undefined ? { windowId } : {}), ...(inOwnTab ? { followLatest: true } : {}) });
  let reply = await ask();
  // Asking changes nothing, so a request no background took (its service worker starting or stopped) is sent
  // again with growing pauses: the page may already have reported and send nothing new to prompt a broadcast.
  for (let tries = 0; !reply.ok && tries < 6 && n === asked; tries++) {
    await new Promise((r) => setTimeout(r, 250 << tries));
    reply = await ask();
  }
  // requests can cross: an older answer arriving last must not replace a newer one
  if (n < shown || (!reply.ok && n !== asked)) return;
  shown = n;
  if (!reply.ok) {
    connection.value = 'error';
    notice.value = { kind: 'error', text: reply.error };
    return;
  }
  connection.value = 'ready';
  tabState.value = reply.state ?? null;
}

/** Keeps `tabState` live: background broadcasts, tab switches in this window. */
export async function startPanelSync(): Promise<() => void> {
  try {
    windowId = (await browser.windows?.getCurrent?.())?.id;
    inOwnTab = !!(await browser.tabs?.getCurrent?.());
  } catch {
    windowId = undefined;
  }
  const stop = onBackgroundMessage((msg) => {
    if (msg.type === 'tab-state/changed') {
      const current = tabState.value;
      if (current && msg.tabId === current.tabId) {
        shown = asked; // newer than any answer still on its way
        tabState.value = msg.state;
        if (msg.state?.caseIds.length) storageVersion.value++;
        if (msg.state === null) void refreshTabState();
      } else {
        void refreshTabState();
      }
    } else if (msg.type === 'picker/picked') {
      const picked = { zh: `已选取字段“${msg.label ?? msg.field}”的新定位`, en: `new locator picked for “${msg.label ?? msg.field}”` };
      notice.value = { kind: 'info', text: picked };
      if (pickStartedHere === msg.field) {
        pickStartedHere = null;
        void import('./picks.ts')
          .then(({ savePickedLocators }) => savePickedLocators(msg))
          .then((saved) => (notice.value = { kind: 'info', text: { zh: `${picked.zh}；${saved.zh}`, en: `${picked.en}; ${saved.en}` } }))
          .catch(() => (notice.value = { kind: 'error', text: { zh: '保存字段定位失败', en: 'could not save the locator' } }));
      }
    }
  });
  const onActivated = () => void refreshTabState();
  browser.tabs?.onActivated?.addListener(onActivated);
  await refreshTabState();
  return () => {
    stop();
    browser.tabs?.onActivated?.removeListener(onActivated);
  };
}

/** What the last prefill did on a tab: shown until the user closes it or follows another tab. */
export interface PrefillReport {
  tabId: number;
  filled: string[];
  /** fields holding text that differs from the profile: left alone, offered for overwrite */
  kept: string[];
  /** profile values with no place on this page (another step of the form, or no such option) */
  notPlaced: string[];
  /** fields on the page a person could not see or edit: left empty on purpose (issue 15) */
  notFillable?: string[];
  /** written through the page's widget, which did not keep the value (issue 11) */
  notTaken?: string[];
  /** on this page, but of a kind prefill cannot fill (a table whose rows it could not add): to be filled by hand */
  notSupported?: string[];
  /** what the kept fields read when the page answered: the consent to replace them is bound to it */
  keptValues: Record<string, string>;
}
export const prefillReport = signal<PrefillReport | null>(null);
/** a prefill is running (adding table rows waits for the portal): one at a time, or rows could be added twice */
export const prefillBusy = signal(false);

const keyList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : []);
const textRecord = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/**
 * Fill the form from the saved profile; `overwrite` lists kept fields the user has agreed to replace,
 * each bound to what it read in the report they agreed to (a field changed since is kept again).
 */
export async function prefill(tabId: number, overwrite?: string[]): Promise<boolean> {
  if (prefillBusy.value) return false;
  prefillBusy.value = true;
  const seen = prefillReport.value?.tabId === tabId ? prefillReport.value.keptValues : {};
  const expect = Object.fromEntries((overwrite ?? []).filter((k) => Object.hasOwn(seen, k)).map((k) => [k, seen[k]!]));
  const reply = await askBackground({ type: 'panel/prefill', tabId, ...(overwrite?.length ? { overwrite, expect } : {}) }).finally(() => (prefillBusy.value = false));
  if (!reply.ok) {
    prefillReport.value = null;
    notice.value = { kind: 'error', text: reply.error };
    return false;
  }
  notice.value = null;
  prefillReport.value = { tabId, filled: keyList(reply.filled), kept: keyList(reply.kept), notPlaced: keyList(reply.notPlaced), notFillable: keyList(reply.notFillable), notTaken: keyList(reply.notTaken), notSupported: keyList(reply.notSupported), keptValues: textRecord(reply.keptValues) };
  return true;
}

export async function runAction(message: Parameters<typeof askBackground>[0], success: Bilingual): Promise<boolean> {
  const reply = await askBackground(message);
  notice.value = reply.ok ? { kind: 'info', text: success } : { kind: 'error', text: reply.error };
  return reply.ok;
}
