/**
 * The field picker (adapter repair by pointing): highlights what is under the pointer, and a click
 * proposes locators for it; Esc cancels. Part of the prefill driver (prefill-driver.ts), which the
 * background injects before picker/start: the content script every portal page runs only starts and
 * stops it (issue 19's content-script budget). Only the person steers it: a page script's synthetic
 * events (isTrusted false) are ignored. Its highlight and banner live in the hint layer's shadow root.
 */
import type { HintsUi } from './hints-ui.ts';
import { proposeLocators, targetFor, type ProposedLocator } from './propose.ts';
import { UI_HOST_TAG, type Target } from './targets.ts';

const CSS = `
.highlight{position:absolute;border:2px solid #1f5fbf;background:rgba(31,95,191,.12);border-radius:3px;pointer-events:none}
.banner{font:12px/1.45 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;position:fixed;width:max-content;max-width:90vw;top:12px;left:50%;transform:translateX(-50%);padding:8px 14px;background:#1f5fbf;color:#fff;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25);pointer-events:none}
`;

export interface PickJob {
  doc: Document;
  /** the hint layer (drawn anew if the page removed it) */
  ui(): HintsUi;
  /** the page's field index when the picker started */
  targets: Target[];
  /** the banner's words (how to pick, how to cancel) */
  banner: string;
  /** a field was picked: its proposed locators, best first */
  picked(locators: ProposedLocator[], label: string | null): void;
  /** the picker is gone (picked, Esc, or stopped from outside) */
  stopped(): void;
}

/** Starts the picker; returns its stop. */
export function startPicker(job: PickJob): () => void {
  const { doc, targets } = job;
  const win = doc.defaultView!;
  const guard = <E extends Event>(fn: (e: E) => void) => (e: E) => { try { fn(e); } catch { /* a hostile page must not break the picker */ } };
  const style = doc.createElement('style');
  style.textContent = CSS;
  const hl = doc.createElement('div');
  hl.className = 'highlight';
  hl.hidden = true;
  const banner = doc.createElement('div');
  banner.className = 'banner';
  banner.setAttribute('role', 'status');
  banner.textContent = job.banner;
  job.ui().mount(style, hl, banner);

  let hlTarget: Element | null = null;
  let frame = 0;
  // one layout read, then the writes, once per frame
  const place = () => {
    frame = 0;
    const r = hlTarget?.isConnected ? hlTarget.getBoundingClientRect() : null;
    if (!r) { hl.hidden = true; return; }
    hl.hidden = false;
    hl.style.left = `${Math.round(r.left + win.scrollX - 3)}px`;
    hl.style.top = `${Math.round(r.top + win.scrollY - 3)}px`;
    hl.style.width = `${Math.round(r.width + 6)}px`;
    hl.style.height = `${Math.round(r.height + 6)}px`;
  };
  const schedule = () => { if (!frame) frame = win.requestAnimationFrame(place); };

  const onMove = guard((e: Event) => {
    if (!e.isTrusted) return;
    const el = e.target instanceof win.Element ? e.target : null;
    if (!el || el.closest(UI_HOST_TAG)) return;
    const t = targetFor(el, targets);
    hlTarget = t ? t.el : el;
    schedule();
  });
  const onClick = guard((e: Event) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const el = e.target instanceof win.Element ? e.target : null;
    const t = el ? targetFor(el, targets) : null;
    stop();
    if (!t) return;
    const { locators, label } = proposeLocators(t, targets, doc);
    job.picked(locators, label);
  });
  const onKey = guard((e: Event) => {
    if (e.isTrusted && (e as KeyboardEvent).key === 'Escape') { e.preventDefault(); stop(); }
  });
  const swallow = (e: Event) => { if (e.isTrusted) { e.preventDefault(); e.stopImmediatePropagation(); } };
  const on: Array<[string, (e: Event) => void]> = [['mouseover', onMove], ['click', onClick], ['mousedown', swallow], ['keydown', onKey]];
  for (const [type, fn] of on) doc.addEventListener(type, fn, true);
  win.addEventListener('resize', schedule, { passive: true });
  doc.addEventListener('scroll', schedule, { passive: true, capture: true });

  let done = false;
  function stop() {
    if (done) return;
    done = true;
    for (const [type, fn] of on) doc.removeEventListener(type, fn, true);
    win.removeEventListener('resize', schedule);
    doc.removeEventListener('scroll', schedule, { capture: true });
    if (frame) win.cancelAnimationFrame(frame);
    style.remove();
    hl.remove();
    banner.remove();
    job.stopped();
  }
  return stop;
}
