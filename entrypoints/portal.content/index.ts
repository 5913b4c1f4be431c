/**
 * Portal content script: reads the application form through the portal adapter, sends snapshots,
 * and draws hint badges in a shadow root. Kept small (≤ 16.5 KiB gzipped, test/bench/budgets.json): no zod, no Preact here;
 * incoming messages are checked structurally (`isMessageForContent`: the messaging layer's zod-free guard, exactly as strict as the protocol's zod schema).
 * Nothing is stored from here (web storage in a content script would land in the portal's origin);
 * saved adapters are read from the extension's own storage.local mirror.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import type { ContentToBackground } from '../../src/messaging/protocol.ts';
import { isMessageForContent } from '../../src/portal/dom/message-guard.ts';
import { startAssistant, type AssistantAdapter } from '../../src/portal/dom/assistant.ts';
import { loadedPrefillDriver } from '../../src/portal/dom/prefill-driver-slot.ts';
import { UI_PREFS_KEY, effectivePrefs, readManagedPrefs, resolveLang } from '../../src/i18n/language.ts';
import { MANAGED_POLICY_KEY } from '../../src/messaging/managed-keys.ts';

/** storage.local key under which the options page mirrors saved (already validated) adapters */
const SAVED_ADAPTERS_KEY = 'portalAdapters';
/**
 * storage.local key under which the background puts the shipped adapters (src/portal/adapters/shipped-mirror.ts):
 * not bundled here, so the content script keeps room for the widget drivers within its gz budget.
 */
const SHIPPED_ADAPTERS_KEY = 'portalAdaptersShipped';

export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  runAt: 'document_idle',
  async main(ctx) {
    try {
      let assistant: ReturnType<typeof startAssistant> | undefined;
      let missed = false;
      // Listening before the first read: at a cold start the background mirrors the shipped adapters while
      // this script may be reading them, and a change landing before a later listener was lost for good
      // (no adapter, so no reading, no badges, no verdict until the page was reloaded).
      // A field re-anchored on the options page applies at once, without reloading the portal.
      const onStorage = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local') return;
        const a = assistant;
        if (!a) return void (missed = true);
        if (UI_PREFS_KEY in changes || MANAGED_POLICY_KEY in changes) void overlayPrefs().then((p) => a.setPrefs(p));
        if (SAVED_ADAPTERS_KEY in changes || SHIPPED_ADAPTERS_KEY in changes) void savedAdapters().then((all) => a.setAdapters(all));
      };
      browser.storage.onChanged.addListener(onStorage);
      const [adapters, prefs] = await Promise.all([savedAdapters(), overlayPrefs()]);
      assistant = startAssistant({
        doc: document,
        adapters,
        prefs,
        prefillDriver: loadedPrefillDriver,
        // rejected when the background did not take it: the assistant sends a reading again
        send: (msg: ContentToBackground) => (ctx.isInvalid ? undefined : browser.runtime.sendMessage(msg)),
      });
      const onMessage = (msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
        // Only our own extension talks to this script, and only in the allow-listed shapes.
        if (sender.id !== browser.runtime.id || !isMessageForContent(msg)) return false;
        const answer = assistant!.handle(msg);
        if (answer instanceof Promise) {
          // prefill adding table rows waits for the portal to draw them: answer when done
          answer.then(sendResponse, () => sendResponse({ ok: false }));
          return true;
        }
        sendResponse(answer);
        return false;
      };
      browser.runtime.onMessage.addListener(onMessage);
      // what changed while the first read was under way is read again
      if (missed) onStorage({ [SHIPPED_ADAPTERS_KEY]: 1, [UI_PREFS_KEY]: 1 }, 'local');
      ctx.onInvalidated(() => {
        browser.storage.onChanged.removeListener(onStorage);
        browser.runtime.onMessage.removeListener(onMessage);
        assistant!.stop();
      });
    } catch {
      // A page we cannot read is left alone.
    }
  },
});

/** The person's language and focus-tip choice (issue 13; a managed lock wins), read from the extension's storage.local. */
async function overlayPrefs() {
  try {
    const got = await browser.storage.local.get([UI_PREFS_KEY, MANAGED_POLICY_KEY]);
    const p = effectivePrefs(got?.[UI_PREFS_KEY], readManagedPrefs(got?.[MANAGED_POLICY_KEY]), got?.[UI_PREFS_KEY] !== undefined);
    return { lang: resolveLang(p.language, navigator.language), focusTips: p.focusTips };
  } catch {
    return { lang: resolveLang('auto', navigator.language), focusTips: true };
  }
}

/**
 * Saved adapters (validated with zod by the options page before it mirrors them), then the shipped
 * ones (written by the background from the package's own JSON); a light shape check here.
 */
async function savedAdapters(): Promise<AssistantAdapter[]> {
  try {
    const got = await browser.storage.local.get([SAVED_ADAPTERS_KEY, SHIPPED_ADAPTERS_KEY]);
    const saved: unknown = got?.[SAVED_ADAPTERS_KEY];
    const shipped: unknown = got?.[SHIPPED_ADAPTERS_KEY];
    const list = [...(Array.isArray(saved) ? saved : []), ...(Array.isArray(shipped) ? shipped : [])];
    return list.filter((a): a is AssistantAdapter =>
      typeof a === 'object' && a !== null && typeof a.id === 'string' && Array.isArray(a.fields) && Array.isArray(a.attachments) &&
      typeof a.pages === 'object' && a.pages !== null && typeof a.statusTable === 'object' && a.statusTable !== null);
  } catch {
    return [];
  }
}
