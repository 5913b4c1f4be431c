import { draftIdFor, tabDraftIdFor } from './draft-ids.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { contentToBackgroundSchema, prefillResultSchema, type BackgroundToContent, type ContentToBackground, type StatusRow } from './protocol.ts';
import { panelToBackgroundSchema, type BackgroundToPanel, type PanelReply, type PanelToBackground, type TabState } from './panel-protocol.ts';
import { runPrecheck, type PrecheckCore } from './precheck.ts';
import { contentScriptPage, isExtensionPage, type SenderLike } from './senders.ts';
import type { TabStateStore } from './tab-state-store.ts';

/** Everything the background's message handling touches, injected (real wiring: background-services.ts). */
export interface BackgroundServices {
  runtimeId: string;
  /** e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  /** host match patterns the content script may run on (demo portal + origins granted at run time) */
  portalPatterns(): readonly string[];
  core: PrecheckCore;
  store: TabStateStore;
  /** resolves to the content script's answer (unvalidated) */
  sendToTab(tabId: number, message: BackgroundToContent): Promise<unknown>;
  /** to every open extension page (side panel, options, staff page) */
  broadcast(message: BackgroundToPanel): Promise<void>;
  activeTabId(windowId?: number): Promise<number | null>;
  /**
   * Saves a draft on top of `expectedVersion` (undefined: whatever is stored); resolves to the saved
   * version. A draft another tab wrote meanwhile is refused with a StorageError of kind 'conflict'.
   */
  saveDraft(draft: { id: string; application: unknown; source: string; adapterId?: string }, expectedVersion?: number): Promise<{ version?: number } | void>;
  /** status rows → case events, appended if new; returns the ids of the cases touched */
  recordStatusRows(rows: StatusRow[], adapterId: string, url: string): Promise<string[]>;
  recordAnchorMiss(miss: { adapterId: string; field: string; url: string; tried: string[] }): Promise<void>;
  /** portal field values from the stored profile (prefill), or null when there is no profile */
  profileValues(profileId?: string): Promise<Record<string, string | boolean> | null>;
  /**
   * Puts the widget drivers into the tab's content-script world (entrypoints/prefill-driver.ts), just
   * before a prefill: they are not part of the content script every portal page runs. Rejects when
   * the page cannot take them (then nothing is written).
   */
  loadPrefillDriver?(tabId: number): Promise<void>;
  /** load the adapter a snapshot names, before the (synchronous) pre-check uses it */
  warmAdapter?(adapterId: string): Promise<void>;
  /** the tab's toolbar icon and badge for its pre-check verdict (src/messaging/toolbar-state.ts); null = neutral */
  showVerdict?(tabId: number, precheck: TabState['precheck']): Promise<void>;
  /** apply picked locators to the adapter being edited (optional: the adapter editor may do it) */
  applyPicked?(pick: { adapterId: string | null; field: string; locators: { kind: string; value: string }[]; label: string | null }): Promise<void>;
}

export type Reply = { ok: true; [k: string]: unknown } | { ok: false; error: Bilingual };

const refused = (zh: string, en: string): Reply => ({ ok: false, error: bi(zh, en) });

export { draftIdFor, tabDraftIdFor };

const isConflict = (error: unknown) => (error as { kind?: unknown } | null)?.kind === 'conflict';

/**
 * The background's single entry point for runtime messages: sender check first, then the zod
 * schema of that sender's channel; anything else is refused and changes nothing.
 */
export function createRouter(services: BackgroundServices) {
  async function handle(message: unknown, sender: SenderLike): Promise<Reply> {
    const page = contentScriptPage(sender, services.runtimeId, services.portalPatterns());
    if (page !== null) {
      const parsed = contentToBackgroundSchema.safeParse(message);
      if (!parsed.success) return refused('消息格式不正确，已忽略', 'malformed message ignored');
      return handleContent(parsed.data, page.tabId, page.url);
    }
    if (isExtensionPage(sender, services.runtimeId, services.extensionOrigin)) {
      const parsed = panelToBackgroundSchema.safeParse(message);
      if (!parsed.success) return refused('消息格式不正确，已忽略', 'malformed message ignored');
      // An extension page in a tab of its own (options, staff page, a panel opened as a tab) is not
      // beside any portal tab, so "the active tab" means the latest portal tab for it.
      return handlePanel(parsed.data, Boolean(sender.tab));
    }
    return refused('消息来源不受信任，已拒绝', 'message from an untrusted sender refused');
  }

  async function publish(state: TabState | null, tabId: number) {
    await services.broadcast({ type: 'tab-state/changed', tabId, state }).catch(() => undefined);
  }

  // One tab's readings are taken one after another: two overlapping ones would save on top of the same draft
  // version, and the loser would be taken for another tab's write (issue 15's own-tab notice, wrongly).
  const readingsInOrder = new Map<number, Promise<unknown>>();
  function inTabOrder<T>(tabId: number, take: () => Promise<T>): Promise<T> {
    const turn = (readingsInOrder.get(tabId) ?? Promise.resolve()).then(take, take);
    const settled = turn.catch(() => undefined);
    readingsInOrder.set(tabId, settled);
    void settled.then(() => { if (readingsInOrder.get(tabId) === settled) readingsInOrder.delete(tabId); });
    return turn;
  }

  /** `pageUrl`: the sender's page as the browser reports it; the `url` a message claims is ignored. */
  async function handleContent(msg: ContentToBackground, tabId: number, pageUrl: string): Promise<Reply> {
    switch (msg.type) {
      case 'portal/snapshot': return inTabOrder(tabId, () => takeReading(msg, tabId, pageUrl));
      default: return handleOtherContent(msg, tabId, pageUrl);
    }
  }

  async function takeReading(msg: Extract<ContentToBackground, { type: 'portal/snapshot' }>, tabId: number, pageUrl: string): Promise<Reply> {
    const previous = await services.store.get(tabId);
    await services.warmAdapter?.(msg.adapterId);
    const hasApplication = msg.page === 'application-form' || msg.page === 'recommender-review';
    // the kind the person chose for this tab's form (申报类型 not found on the page), while the same adapter reads it
    const chosenKind = previous?.adapterId === msg.adapterId ? (previous.chosenKind ?? null) : null;
    const checked = hasApplication ? runPrecheck(services.core, msg.fields, msg.adapterId, chosenKind) : null;
    const { precheck, hints } = checked ?? { precheck: null, hints: [] };
    // The badges first (issue 19: keystroke → badge): the draft, the tab state and the toolbar follow.
    const hintsSent = services.sendToTab(tabId, { type: 'hints/update', hints }).catch(() => undefined);
    let draftId: string | null = null;
    let draftVersion: number | undefined;
    if (msg.page === 'application-form' && msg.fields.some((f) => f.found)) {
      // This tab writes on top of the version it last wrote (issue 15): another tab's reading of
      // the same form is never overwritten unseen. Refused, this tab's reading becomes its own draft.
      const own = tabDraftIdFor(msg.adapterId, tabId);
      draftId = previous?.draftId === own ? own : draftIdFor(msg.adapterId);
      const expected = previous?.draftId === draftId ? previous.draftVersion : undefined;
      try {
        // converted once: the pre-check's conversion (a reading it could not convert is not saved either)
        if (!checked || !('application' in checked)) throw new Error('reading not converted');
        const application = checked.application;
        try {
          draftVersion = (await services.saveDraft({ id: draftId, application, source: pageUrl, adapterId: msg.adapterId }, expected))?.version;
        } catch (error) {
          if (!isConflict(error) || draftId === own) throw error;
          draftId = own;
          draftVersion = (await services.saveDraft({ id: draftId, application, source: pageUrl, adapterId: msg.adapterId }))?.version;
        }
      } catch {
        draftId = null; // a draft that cannot be saved must not block the pre-check
        draftVersion = undefined;
      }
    }
    const samePage = previous?.url === pageUrl;
    const state: TabState = {
      tabId,
      url: pageUrl,
      page: msg.page,
      adapterId: msg.adapterId,
      takenAt: msg.takenAt,
      receivedAt: Date.now(),
      fields: msg.fields,
      attachments: msg.attachments,
      precheck,
      hints,
      draftId,
      ...(draftVersion !== undefined ? { draftVersion } : {}),
      caseIds: samePage ? (previous?.caseIds ?? []) : [],
      picker: previous?.picker ?? null,
      ...(chosenKind ? { chosenKind } : {}),
    };
    await services.store.set(state);
    await services.showVerdict?.(tabId, precheck).catch(() => undefined);
    await hintsSent;
    await publish(state, tabId);
    return { ok: true };
  }

  async function handleOtherContent(msg: Exclude<ContentToBackground, { type: 'portal/snapshot' }>, tabId: number, pageUrl: string): Promise<Reply> {
    switch (msg.type) {
      case 'portal/status-rows': {
        const caseIds = await services.recordStatusRows(msg.rows, msg.adapterId, pageUrl);
        const state = await services.store.update(tabId, (s) => ({ ...s, caseIds: [...new Set([...s.caseIds, ...caseIds])] }));
        await publish(state, tabId);
        return { ok: true, caseIds };
      }
      case 'portal/anchor-miss':
        await services.recordAnchorMiss({ adapterId: msg.adapterId, field: msg.field, url: pageUrl, tried: msg.tried });
        return { ok: true };
      case 'portal/picked': {
        const state = await services.store.get(tabId);
        // A pick counts only while the user asked for one on this tab, for this field.
        if (!state?.picker || state.picker.field !== msg.field) return refused('没有正在进行的字段选择', 'no field pick in progress');
        const pick = { adapterId: state.picker.adapterId, field: msg.field, locators: msg.locators, label: msg.label };
        await services.applyPicked?.(pick);
        const next = await services.store.update(tabId, (s) => ({ ...s, picker: null }));
        await services.broadcast({ type: 'picker/picked', tabId, ...pick }).catch(() => undefined);
        await publish(next, tabId);
        return { ok: true };
      }
    }
  }

  async function handlePanel(msg: PanelToBackground, fromOwnTab = false): Promise<Reply> {
    switch (msg.type) {
      case 'panel/get-tab-state': {
        const tabId = msg.tabId ?? (await services.activeTabId(msg.windowId));
        const own = tabId === null ? null : await services.store.get(tabId);
        // Beside a non-portal tab the panel shows its empty state; opened as a tab itself it follows the latest portal tab.
        const state = own ?? (msg.tabId === undefined && (msg.followLatest ?? fromOwnTab) ? await services.store.latest() : null);
        return { ok: true, state, tabId: state?.tabId ?? tabId } satisfies PanelReply;
      }
      case 'panel/choose-kind': {
        const current = await services.store.get(msg.tabId);
        if (!current || (current.page !== 'application-form' && current.page !== 'recommender-review')) return refused('请先打开申报表页面', 'open the application form first');
        const { precheck, hints } = runPrecheck(services.core, current.fields, current.adapterId, msg.kind);
        const state: TabState = { ...current, precheck, hints, chosenKind: msg.kind };
        await services.store.set(state);
        await services.sendToTab(msg.tabId, { type: 'hints/update', hints }).catch(() => undefined);
        // the page binds the chosen kind's own fields too (organisation and 所负责组织 share labels)
        await services.sendToTab(msg.tabId, { type: 'kind/choose', kind: msg.kind }).catch(() => undefined);
        await services.showVerdict?.(msg.tabId, precheck).catch(() => undefined);
        await publish(state, msg.tabId);
        return { ok: true };
      }
      case 'panel/start-picker': {
        const state = await services.store.update(msg.tabId, (s) => ({ ...s, picker: { field: msg.field, adapterId: msg.adapterId ?? s.adapterId } }));
        if (!state) return refused('该标签页不是申报系统页面', 'that tab is not a portal page');
        // the picker's locator proposal comes with the prefill driver (not in the content script: its size budget)
        const loaded = await (services.loadPrefillDriver?.(msg.tabId) ?? Promise.resolve()).then(() => true, () => false);
        if (!loaded) return refused('申报页没有回应，请刷新申报页后重试', 'the application page did not answer: reload it and try again');
        await services.sendToTab(msg.tabId, { type: 'picker/start', field: msg.field });
        await publish(state, msg.tabId);
        return { ok: true };
      }
      case 'panel/focus-field': {
        const state = await services.store.get(msg.tabId);
        if (!state || state.page === 'unknown') return refused('该标签页不是申报系统页面', 'that tab is not a portal page');
        const answer = (await services.sendToTab(msg.tabId, { type: 'field/focus', field: msg.field }).catch(() => null)) as { ok?: unknown; focused?: unknown } | null;
        // the page is not trusted: only a plain yes counts
        return { ok: true, focused: answer?.ok === true && answer.focused === true } as PanelReply;
      }
      case 'panel/cancel-picker': {
        const state = await services.store.update(msg.tabId, (s) => ({ ...s, picker: null }));
        if (!state) return refused('该标签页不是申报系统页面', 'that tab is not a portal page');
        await services.sendToTab(msg.tabId, { type: 'picker/cancel' }).catch(() => undefined);
        await publish(state, msg.tabId);
        return { ok: true };
      }
      case 'panel/prefill': {
        const state = await services.store.get(msg.tabId);
        if (!state || state.page !== 'application-form') return refused('请先打开申报表页面', 'open the application form first');
        const values = await services.profileValues(msg.profileId);
        if (!values || Object.keys(values).length === 0)
          return refused('尚未保存单位资料，请先在设置页填写', 'no profile saved yet: fill it in on the options page');
        // Only empty fields are filled, unless the user was shown the fields holding text and agreed.
        const overwrite = (msg.overwrite ?? []).filter((key) => Object.hasOwn(values, key));
        const expect = Object.fromEntries(overwrite.filter((key) => Object.hasOwn(msg.expect ?? {}, key)).map((key) => [key, msg.expect![key]!]));
        const loaded = await (services.loadPrefillDriver?.(msg.tabId) ?? Promise.resolve()).then(() => true, () => false);
        if (!loaded) return refused('申报页没有回应，请刷新申报页后重试', 'the application page did not answer: reload it and try again');
        const answer = await services
          .sendToTab(msg.tabId, { type: 'prefill/apply', values, overwrite, ...(overwrite.length ? { expect } : {}) })
          .catch(() => null);
        const result = prefillResultSchema.safeParse(answer);
        if (!result.success) return refused('申报页没有回应，请刷新申报页后重试', 'the application page did not answer: reload it and try again');
        const { filled, skipped } = result.data;
        return {
          ok: true,
          filled,
          /** fields holding text that differs from the profile: kept, and offered for overwrite */
          kept: skipped.filter((s) => s.reason === 'not-empty').map((s) => s.key),
          /** what each kept field reads now: sent back with the user's consent, so a field changed since is not replaced */
          keptValues: Object.fromEntries(skipped.filter((s) => s.reason === 'not-empty' && s.current !== undefined).map((s) => [s.key, s.current!])),
          /** profile values this page has no place for (another step, or no matching option) */
          notPlaced: skipped.filter((s) => s.reason === 'not-on-page' || s.reason === 'no-such-option').map((s) => s.key),
          /** on this page, but prefill cannot fill that kind of field (a table whose rows it could not add): by hand */
          notSupported: skipped.filter((s) => s.reason === 'unsupported').map((s) => s.key),
          /** written through the widget, but the page did not keep it (issue 11): to be filled by hand */
          notTaken: skipped.filter((s) => s.reason === 'not-taken').map((s) => s.key),
          /** fields a person could not see or edit (hidden, transparent, off-screen, disabled, read-only): never filled */
          notFillable: skipped.filter((s) => s.reason === 'hidden' || s.reason === 'not-editable').map((s) => s.key),
        };
      }
      case 'panel/refresh': {
        await services.sendToTab(msg.tabId, { type: 'snapshot/request' }).catch(() => undefined);
        return { ok: true };
      }
    }
  }

  /** A tab closed: forget its state. */
  async function forgetTab(tabId: number) {
    if (!(await services.store.get(tabId))) return;
    await services.store.delete(tabId);
    await services.showVerdict?.(tabId, null).catch(() => undefined);
    await publish(null, tabId);
  }

  /** The tab started loading at `since`: if no reading came after that, it left the portal. */
  async function forgetIfStale(tabId: number, since: number) {
    const state = await services.store.get(tabId);
    if (state && (state.receivedAt ?? 0) < since) await forgetTab(tabId);
  }

  return { handle, forgetTab, forgetIfStale };
}
export type Router = ReturnType<typeof createRouter>;
