/**
 * The portal assistant: watches the page (late-rendered steps, SPA navigation), reads the fields the
 * adapter names, sends snapshots, draws hint badges and focus tips, runs the picker and prefill.
 * Browser messaging is injected (`send`), so this runs under happy-dom in unit tests.
 * Every entry point is wrapped: a hostile or broken page must not break the extension.
 */
import type { BackgroundToContent, ContentToBackground, FieldReading, AttachmentReading, Hint } from '../../messaging/protocol.ts';
import type { UrlPattern } from '../adapter-schema.ts';
import { matchPortalPage, type PortalPageKind } from '../match.ts';
import { applies, scanPage, type ApplicantKind, type ScanAdapter, type ScanResult } from './scan.ts';
import type { Binding } from './locate.ts';
import { createHintsUi, type Badge, type BadgeEntry, type HintsUi } from './hints-ui.ts';
import type { PrefillResult } from './prefill.ts';
import type { PrefillDriver } from './prefill-driver.ts';
import { readStatusRows, type StatusHeaders } from './status-rows.ts';
import { UI_HOST_TAG, indexTargets, type Target } from './targets.ts';
import { fileNames, readField } from './read.ts';
import { overlay } from '../../i18n/messages/overlay.ts';
import { fill, textIn, type Lang } from '../../i18n/language.ts';

export interface AssistantAdapter extends ScanAdapter {
  pages: Record<'application-form' | 'application-status' | 'recommender-review', ReadonlyArray<UrlPattern>>;
  statusTable: { headers: StatusHeaders };
}

export interface AssistantOptions {
  doc: Document;
  adapters: readonly AssistantAdapter[];
  /** to the background; a rejected promise means it did not take the message (a reading is then sent again) */
  send(msg: ContentToBackground): unknown;
  /** quiet time before a scan (mutations are batched) */
  debounceMs?: number;
  /** after the page is quiet this long, a field missing from a step where its neighbours were found is reported */
  missDelayMs?: number;
  /** the person's language and whether the focus tip shows (issue 13); default 中文 with tips */
  prefs?: OverlayPrefs;
  /**
   * The widget drivers for 填入资料 and the picker's locator proposal, or null when they are not loaded:
   * the content script reads them from the slot the background fills just before a prefill or a
   * picker/start (prefill-driver-slot.ts), so they are not bundled into the script every portal page runs.
   */
  prefillDriver?: () => PrefillDriver | null;
}

export interface OverlayPrefs {
  lang: Lang;
  focusTips: boolean;
}

export interface Assistant {
  handle(msg: BackgroundToContent): unknown;
  /** the language or the focus-tip setting changed: redraw */
  setPrefs(prefs: OverlayPrefs): void;
  /** saved adapters changed (options page): re-pick the adapter and rescan */
  setAdapters(adapters: readonly AssistantAdapter[]): void;
  scanNow(): void;
  stop(): void;
  /** for tests and the picker: the latest scan */
  readonly last: ScanResult | null;
}


export function startAssistant(opts: AssistantOptions): Assistant {
  const { doc } = opts;
  const win = doc.defaultView!;
  const debounceMs = opts.debounceMs ?? 150;
  const missDelayMs = opts.missDelayMs ?? 1500;
  let ui: HintsUi | null = null;
  let adapter: AssistantAdapter | null = null;
  let page: PortalPageKind = 'unknown';
  let href = '';
  let last: ScanResult | null = null;
  let kind: ApplicantKind | null = null;
  /** `kind`, or the kind whose fields the page shows when the kind question is not on it */
  let layoutKind: ApplicantKind | null = null;
  /** chosen in the panel when the page shows no 申报类型: the page's own answer still wins */
  let chosenKind: ApplicantKind | null = null;
  const memory = new Map<string, FieldReading>();
  const memoryAtt = new Map<string, AttachmentReading>();
  let hints: Hint[] = [];
  let lastSent = '';
  let lastRows = '';
  const reportedMisses = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let missTimer: ReturnType<typeof setTimeout> | undefined;
  /** the running picker's stop (picker.ts), or null */
  let picking: (() => void) | null = null;
  let stopped = false;
  let prefs: OverlayPrefs = opts.prefs ?? { lang: 'zh', focusTips: true };
  /** the overlay's words (src/i18n/messages/overlay.ts) in the chosen language */
  const say = (key: keyof typeof overlay.zh, vars?: Record<string, string>) =>
    textIn({ zh: fill(overlay.zh[key], vars), en: fill(overlay.en[key], vars) }, prefs.lang, prefs.lang === 'both' ? ' ' : ' / ');

  const guard = <A extends unknown[], R>(fn: (...a: A) => R) => (...a: A): R | undefined => {
    try {
      return fn(...a);
    } catch {
      return undefined;
    }
  };
  const send = (m: ContentToBackground): Promise<unknown> => {
    try {
      const sent = Promise.resolve(opts.send(m));
      sent.catch(() => undefined); // only a reading is sent again (deliver); other messages are not retried
      return sent;
    } catch {
      return Promise.resolve(); // extension reloaded
    }
  };

  function getUi(): HintsUi {
    if (!ui || !ui.host.isConnected) {
      ui?.destroy();
      ui = createHintsUi(doc);
    }
    return ui;
  }

  // Debounced, but never starved: a burst of mutations or keystrokes still gets a scan within maxWait.
  // A page that never stops mutating (tickers, animations) backs the scans off, up to 2 s (Bitwarden's
  // adaptive debounce idea), and returns to the base delay once it calms down.
  let pendingSince = 0;
  const recentScans: number[] = [];
  let lastInputAt = 0;
  const currentDelay = () => {
    const now = Date.now();
    if (now - lastInputAt < 1500) return debounceMs; // the user is typing: hints must keep up
    while (recentScans.length && now - recentScans[0]! > 3000) recentScans.shift();
    return recentScans.length >= 6 ? Math.min(2000, debounceMs * 2 ** (recentScans.length - 5)) : debounceMs;
  };
  const schedule = guard(() => {
    if (stopped) return;
    const now = Date.now();
    const delay = currentDelay();
    if (pendingSince && now - pendingSince > delay * 3) return;
    if (!pendingSince) pendingSince = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      pendingSince = 0;
      // While the person types, the pause is the only wait (issue 19: keystroke → badge ≤ debounce + a frame);
      // page-only changes (late renders, tickers) still wait for an idle moment.
      const idle = (win as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
      if (idle && Date.now() - lastInputAt >= 1500) idle.call(win, () => scan(), { timeout: 300 });
      else scan();
    }, delay);
  });
  /** A committed value (a select, radio or checkbox, or a field left) is checked at once, without the pause. */
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingSince = 0;
    scan();
  };

  const scan = guard(() => {
    if (stopped) return;
    pendingSince = 0;
    recentScans.push(Date.now());
    if (recentScans.length > 20) recentScans.shift();
    const url = doc.location?.href ?? '';
    if (url !== href) {
      href = url;
      const next = pickAdapter(url);
      const nextPage = next ? matchPortalPage(url, next) : 'unknown';
      // A different page of the workflow (or another portal) starts a fresh reading; steps of one form share it.
      if (nextPage !== page || next?.id !== adapter?.id) {
        memory.clear();
        memoryAtt.clear();
        kind = null;
        layoutKind = null;
        hints = [];
        lastSent = '';
        lastRows = '';
      }
      adapter = next;
      page = nextPage;
    }
    if (!adapter || page === 'unknown') {
      last = null;
      ui?.render([]);
      return;
    }
    if (page === 'application-status') {
      const rows = readStatusRows(doc, adapter.statusTable.headers);
      sendSnapshot([], []);
      if (rows) {
        const json = JSON.stringify(rows);
        if (json !== lastRows) {
          lastRows = json;
          send({ type: 'portal/status-rows', adapterId: adapter.id, url, rows });
        }
      }
      return;
    }
    const result = scanPage(doc, adapter, { staticValues: page === 'recommender-review', kindHint: kind ?? chosenKind });
    last = result;
    kind = result.kind;
    layoutKind = result.layoutKind;
    // A field of another step keeps what was read there; a field whose step is on screen (or whose
    // label is, ambiguously) and that lost its binding reads as unknown, never as its last value.
    const stepsShown = new Set<string>();
    for (const r of result.fields) if (r.found) { const st = fieldDef(r.key)?.step; if (st) stepsShown.add(st); }
    for (const r of result.fields) {
      const status = result.bindings.find((b) => b.key === r.key)?.status;
      const st = fieldDef(r.key)?.step;
      const lost = !r.found && (status === 'ambiguous' || status === 'conflict' || (st !== undefined && stepsShown.has(st)));
      if (r.found || lost || !memory.has(r.key)) memory.set(r.key, r);
    }
    for (const a of result.attachments) {
      const b = result.bindings.find((x) => x.key === `attachment:${a.key}`);
      if (b?.target || !memoryAtt.has(a.key)) memoryAtt.set(a.key, a);
    }
    const fields = adapter.fields
      .filter((f) => applies(f, layoutKind))
      .map((f) => memory.get(f.key) ?? { key: f.key, found: false, value: null, required: f.required ?? false });
    const seen = new Set<string>();
    const unique = fields.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
    const atts = adapter.attachments.filter((a) => applies(a, layoutKind)).map((a) => memoryAtt.get(a.key) ?? { key: a.key, present: false, fileNames: [] });
    sendSnapshot(unique, atts);
    draw();
    clearTimeout(missTimer);
    missTimer = setTimeout(reportMisses, missDelayMs);
  });

  function sendSnapshot(fields: FieldReading[], attachments: AttachmentReading[]) {
    if (!adapter) return;
    const body = JSON.stringify([page, href, fields, attachments]);
    if (body === lastSent) return;
    lastSent = body;
    deliver({ type: 'portal/snapshot', page, adapterId: adapter.id, url: href, fields, attachments, takenAt: Date.now() }, body, 0);
  }
  /**
   * A reading the background did not take (its service worker still starting at a cold start, or stopped
   * mid-answer: the message is rejected) is sent again while it is still the latest, with growing pauses.
   */
  function deliver(m: Extract<ContentToBackground, { type: 'portal/snapshot' }>, body: string, tries: number) {
    send(m).catch(() => {
      if (tries < 6) setTimeout(() => { if (!stopped && lastSent === body) deliver({ ...m, takenAt: Date.now() }, body, tries + 1); }, 250 << tries);
    });
  }

  /** Ambiguous or conflicting bindings, and fields missing from a step whose neighbours are on the page. */
  const reportMisses = guard(() => {
    if (!adapter || !last || kind === null) return;
    const stepFound = new Set<string>();
    for (const b of last.bindings) {
      const f = adapter.fields.find((x) => x.key === b.key && applies(x, kind));
      if (b.target && f?.step) stepFound.add(f.step);
    }
    for (const b of last.bindings) {
      if (b.status === 'found' || b.key.startsWith('attachment:')) continue;
      const f = adapter.fields.find((x) => x.key === b.key && applies(x, kind));
      if (!f) continue;
      const expected = b.status !== 'missing' || (f.step !== undefined && stepFound.has(f.step));
      if (!expected) continue;
      const id = `${href}|${b.key}|${b.status}`;
      if (reportedMisses.has(id)) continue;
      reportedMisses.add(id);
      send({ type: 'portal/anchor-miss', adapterId: adapter.id, url: href, field: b.key, tried: [`status:${b.status}`, ...b.tried].slice(0, 20).map((s) => s.slice(0, 200)) });
    }
  });

  function fieldDef(key: string) {
    return adapter?.fields.find((f) => f.key === key && applies(f, layoutKind));
  }

  function anchorOf(t: Target): Element {
    if (t.kind === 'checkbox') return t.el.closest('label') ?? t.el;
    if (t.kind === 'radio-group') {
      const labels = t.el.querySelectorAll('label');
      return labels[labels.length - 1] ?? t.el;
    }
    return t.el;
  }

  function isEmpty(r: FieldReading | undefined): boolean {
    return !r || r.value === null || r.value === '' || r.value === false || r.value === '[]';
  }

  const draw = guard(() => {
    if (!last || !adapter) return;
    const entries: BadgeEntry[] = [];
    for (const b of last.bindings) {
      if (!b.target) continue;
      const badges: Badge[] = [];
      for (const h of hints.filter((x) => x.field === b.key)) {
        if (h.status === 'pass') continue;
        if (badges.length > 0) break; // one badge per field: its most urgent finding
        // one language on the badge itself (中英对照: the citation in Chinese, the words in both)
        const cite = h.cite ? textIn(h.cite, prefs.lang === 'en' ? 'en' : 'zh') : h.rule;
        const blank = isEmpty(memory.get(b.key));
        badges.push({
          // Not given yet is a quiet "待填", never a warning; given and failing is red.
          tone: h.status === 'fail' ? 'fail' : blank ? 'required' : 'evidence',
          text: h.rule === 'input' ? say('badge.inputError') : h.status === 'fail' ? say('badge.fail', { cite }) : blank ? say('badge.missing', { cite }) : say('badge.evidence', { cite }),
          title: textIn(h.text, prefs.lang, '\n'),
        });
      }
      const f = fieldDef(b.key);
      if (badges.length === 0 && f?.required && isEmpty(memory.get(b.key))) badges.push({ tone: 'required', text: say('badge.required'), title: say('badge.requiredTitle') });
      const anchor = anchorOf(b.target);
      entries.push({ key: b.key, anchor, badges, inside: b.target.kind === 'static', ...(b.target.kind === 'table' ? { clip: true } : {}), ...(anchor !== b.target.el ? { area: b.target.el } : {}) });
    }
    getUi().render(entries);
    if (tipFor?.isConnected) showTipFor(tipFor);
  });

  // The field whose tip is open: the tip is redrawn when new hints arrive while it has focus.
  let tipFor: Element | null = null;
  const onFocusIn = guard((e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el || el.closest(UI_HOST_TAG)) return;
    tipFor = el;
    showTipFor(el);
  });
  function showTipFor(el: Element) {
    if (!last || !adapter || picking || !prefs.focusTips) return;
    const b = last.bindings.find((x) => x.target && (x.target.el === el || x.target.el.contains(el)));
    const f = b ? fieldDef(b.key) : undefined;
    if (!b?.target || !f) return;
    const lines: Array<{ text: string; tone?: 'fail' | 'evidence' | 'en' }> = [];
    // the focused field's own findings only, in the chosen language (中英对照: English beneath)
    for (const h of hints.filter((x) => x.field === b.key && x.status !== 'pass')) {
      if (prefs.lang !== 'en') lines.push({ text: h.text.zh, tone: h.status === 'fail' ? 'fail' : 'evidence' });
      if (prefs.lang !== 'zh') lines.push({ text: h.text.en, tone: prefs.lang === 'both' ? 'en' : h.status === 'fail' ? 'fail' : 'evidence' });
    }
    if (f.tip) {
      if (prefs.lang !== 'en') lines.push({ text: f.tip.text.zh });
      if (prefs.lang !== 'zh') lines.push({ text: f.tip.text.en, ...(prefs.lang === 'both' ? { tone: 'en' as const } : {}) });
    }
    if (!lines.length) return;
    getUi().showTip(b.target.el, { heading: f.tip ? say('tip.heading', { article: f.tip.article }) : say('tip.headingPlain'), lines });
  }
  const onFocusOut = guard(() => {
    tipFor = null;
    ui?.hideTip();
    // leaving a field with typing still waiting for its pause: checked now
    if (timer !== undefined && Date.now() - lastInputAt < 1500) flush();
  });
  let choiceFlushed: Element | null = null;
  /** The bound field an element belongs to (the control itself or a part of its widget). */
  const bindingAt = (el: Element) => last?.bindings.find((x) => x.target && x.target.el.isConnected && (x.target.el === el || x.target.el.contains(el)));
  /**
   * The bound choice a click belongs to: the control, a part of it, or a part drawn beside its hidden input in
   * the same widget (Element Plus's switch track is a sibling of its input[role=switch]). Up to a few levels
   * up, and only while one bound choice is in reach; reading it is harmless if the click changed nothing.
   */
  function choiceAt(el: Element): (Binding & { target: Target }) | undefined {
    let node: Element | null = el;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      const at = node;
      const near = last?.bindings.filter((x) => x.target && x.target.el.isConnected && (x.target.el === at || x.target.el.contains(at) || at.contains(x.target.el))) ?? [];
      if (near.length > 1) return undefined;
      const b = near[0];
      if (b?.target) return b.target.kind === 'control' || b.target.kind === 'static' || b.target.kind === 'table' ? undefined : b as Binding & { target: Target };
    }
    return undefined;
  }
  /** Reads one bound field into memory now: a step may unmount it before the debounced scan runs. */
  function remember(b: Binding & { target: Target }) {
    if (b.key.startsWith('attachment:')) {
      const key = b.key.slice('attachment:'.length);
      const names = fileNames(b.target);
      memoryAtt.set(key, { key, present: names.length > 0, fileNames: names });
      return;
    }
    const f = fieldDef(b.key);
    const capped = readField(b.target, f?.columns);
    memory.set(b.key, { key: b.key, found: true, value: capped.value, required: f?.required ?? false, via: b.via ?? undefined, ...(capped.truncated ? { truncated: true as const } : {}) });
  }
  // Typing is read at once (SPA steps may unmount the field before the debounced scan runs);
  // the snapshot itself is still debounced.
  const onInput = guard((e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el || el.closest(UI_HOST_TAG)) return;
    lastInputAt = Date.now();
    const b = bindingAt(el);
    if (!b?.target) { flush(); return; }
    remember(b as Binding & { target: Target });
    // A choice (select, radio, checkbox) is complete when made, and a text box's `change` commits it
    // (the person left the field): checked at once, no pause. A choice's `change` right after its
    // `input` was already checked by that one.
    if (e.type === 'change' && choiceFlushed === el) { choiceFlushed = null; return; }
    choiceFlushed = e.type === 'input' && isChoice(el) ? el : null;
    if (e.type === 'change' || choiceFlushed) flush();
    else schedule();
  });

  // A library switch or custom choice may change on click with no input or change event, redrawn a
  // tick later; the person may click 下一步 right after, unmounting it before a paused scan. So a
  // click on a bound choice is read once the framework has redrawn (one task later) and checked at once.
  const onClickCommit = guard((e: Event) => {
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el || el.closest(UI_HOST_TAG) || picking) return;
    const bound = choiceAt(el);
    if (!bound) return;
    setTimeout(guard(() => {
      if (!bound.target.el.isConnected) return;
      remember(bound);
      flush();
    }), 0);
  });

  // Picker: runs in the prefill driver (picker.ts), which the background injects before picker/start;
  // here it is only started and stopped. Without the driver nothing starts (the background answers for it).
  function startPicker(field: string): boolean {
    stopPicker();
    const pick = opts.prefillDriver?.()?.pick;
    if (!pick) return false;
    const f = adapter?.fields.find((x) => x.key === field);
    const loc = f?.locators.find((l) => l.kind === 'label');
    const name = loc && 'text' in loc ? loc.text : field;
    const stop = pick({
      doc,
      ui: getUi,
      targets: indexTargets(doc, { staticValues: page === 'recommender-review' }),
      banner: say('picker.banner', { name }),
      picked: (locators, label) => send({ type: 'portal/picked', field, locators, label: label ? label.slice(0, 300) : null }),
      stopped: () => { if (picking === stop) picking = null; },
    });
    picking = stop;
    return true;
  }
  function stopPicker() {
    const stop = picking;
    picking = null;
    stop?.();
  }

  let adapters = opts.adapters;
  function pickAdapter(url: string): AssistantAdapter | null {
    for (const a of adapters) if (matchPortalPage(url, a) !== 'unknown') return a;
    return null;
  }

  const observer = new win.MutationObserver((records) => {
    // Our own badges are not page changes.
    if (records.every((r) => r.target instanceof win.Element && (r.target.tagName.toLowerCase() === UI_HOST_TAG || r.target.closest(UI_HOST_TAG)) ||
      (r.target === doc.documentElement && [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof win.Element && n.tagName.toLowerCase() === UI_HOST_TAG)))) return;
    schedule();
  });
  // aria-checked too: a library switch (role="switch") may toggle without any input event or node change
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-checked'] });
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('focusout', onFocusOut, true);
  doc.addEventListener('click', onClickCommit, false);
  win.addEventListener('popstate', schedule);
  scan();

  return {
    get last() { return last; },
    scanNow: () => { clearTimeout(timer); scan(); },
    setPrefs: (next) => {
      prefs = next;
      if (!prefs.focusTips) { tipFor = null; ui?.hideTip(); }
      draw();
    },
    setAdapters: (next) => {
      adapters = next;
      href = ''; // re-pick on the next scan; same page and adapter id keep what was read
      reportedMisses.clear();
      clearTimeout(timer);
      scan();
    },
    handle: (msg: BackgroundToContent): unknown => {
      try {
        switch (msg.type) {
          case 'hints/update':
            hints = msg.hints;
            draw();
            return { ok: true };
          case 'kind/choose':
            chosenKind = msg.kind;
            kind = null; // read again: the page's answer if it has one, else the choice
            pendingSince = 0;
            lastSent = '';
            clearTimeout(timer);
            scan();
            return { ok: true };
          case 'snapshot/request':
            pendingSince = 0;
            lastSent = '';
            lastRows = '';
            clearTimeout(timer);
            scan();
            return { ok: true };
          case 'picker/start':
            return { ok: startPicker(msg.field) };
          case 'picker/cancel':
            stopPicker();
            return { ok: true };
          case 'field/focus': {
            // a next action in the panel (issue 13): bring the field into view and put the cursor in it
            const b = last?.bindings.find((x) => x.key === msg.field && x.target?.el.isConnected);
            const el = b?.target ? (b.target.kind === 'radio-group' ? b.target.el.querySelector('input') ?? b.target.el : b.target.el) : null;
            if (!el) return { ok: true, focused: false };
            el.scrollIntoView({ block: 'center', inline: 'nearest' });
            (el as HTMLElement).focus({ preventScroll: true });
            return { ok: true, focused: doc.activeElement === el || el.contains(doc.activeElement) };
          }
          case 'prefill/apply': {
            clearTimeout(timer);
            scan();
            const driver = opts.prefillDriver?.() ?? null;
            if (!driver) return { ok: false }; // the background answers 申报页没有回应 and nothing is written
            if (!last || !adapter) return { ok: true, filled: [], skipped: Object.keys(msg.values).map((key) => ({ key, reason: 'not-on-page' as const })) };
            // Widgets are driven one after another as a person would (open a list, click an option), and
            // table rows are added through the portal's own add-row button, which may redraw later: async.
            return driver.prefill({ values: msg.values, overwrite: msg.overwrite, expect: msg.expect ?? {}, bindings: () => last?.bindings ?? [], fields: adapter.fields, rescan: scan })
              .then((res: PrefillResult) => {
                schedule();
                return { ok: true, ...res };
              });
          }
        }
      } catch {
        return { ok: false };
      }
      return { ok: false };
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(missTimer);
      stopPicker();
      observer.disconnect();
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('change', onInput, true);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('focusout', onFocusOut, true);
      doc.removeEventListener('click', onClickCommit, false);
      win.removeEventListener('popstate', schedule);
      ui?.destroy();
      ui = null;
    },
  };
}

/** A control whose value is chosen in one act (a select, radio or checkbox): checked at once. */
function isChoice(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  return type === 'radio' || type === 'checkbox';
}
