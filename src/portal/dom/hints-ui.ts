/**
 * The in-page hint layer: one host element with a shadow root (styles isolated; closed in the release
 * build, open in tests and the demo build so the suites can pierce it; it shows only non-sensitive
 * hints, never drafts or case data).
 * Badges are absolutely positioned beside their fields: all rects are read first, then all
 * styles written, once per animation frame (no layout thrash).
 * Every string is untrusted or ours: written with textContent only.
 */
import { UI_HOST_TAG } from './targets.ts';

export type BadgeTone = 'fail' | 'evidence' | 'required';
export interface Badge {
  tone: BadgeTone;
  text: string;
  title: string;
}
export interface BadgeEntry {
  key: string;
  anchor: Element;
  badges: Badge[];
  /** wide read-only cells: badges sit inside the cell's right edge instead of past it */
  inside?: boolean;
  /** a table: its badge stays inside the box that scrolls or clips it (a wide table in a scrolled wrapper) */
  clip?: boolean;
  /** the whole widget when the anchor is only its end (a radio group's last option): other badges keep off it */
  area?: Element;
}
interface ClipRect { left: number; top: number; right: number; bottom: number; width: number; height: number; cut?: boolean }
export interface TipContent {
  heading: string;
  lines: Array<{ text: string; tone?: BadgeTone | 'en' }>;
}

const CSS = `
:host{all:initial}
.layer,.tip{font:12px/1.45 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.layer{position:absolute;top:0;left:0;width:0;height:0}
.badges{position:absolute;display:flex;gap:4px;pointer-events:auto;white-space:nowrap}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;cursor:help;box-shadow:0 1px 2px rgba(0,0,0,.2)}
.badge[data-tone="fail"]{background:#d93026}
.badge[data-tone="evidence"]{background:#c77700}
.badge[data-tone="required"]{background:#eef1f6;color:#4a5568;border:1px solid #c9d1dc}
.tip{position:absolute;width:max-content;max-width:440px;pointer-events:none;box-sizing:border-box;padding:8px 10px;background:#1f2933;color:#fff;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25);white-space:normal}
.tip h4{margin:0 0 4px;font-size:12px;color:#9ad0ff;font-weight:600}
.tip p{margin:2px 0}
.tip p[data-tone="en"]{color:#c8d1dc}
.tip p[data-tone="fail"]{color:#ffb4ad}
.tip p[data-tone="evidence"]{color:#ffd699}
@media (prefers-color-scheme:dark){.badge[data-tone="required"]{background:#2b3139;color:#e6e9ee;border-color:#566273}.tip{background:#0f1318;border:1px solid #3a4350}}
[hidden]{display:none !important}
`;

/** narrower than this beside the field is hard to read: the tip goes above instead */
const TIP_MIN_WIDTH = 260;
const TIP_MAX_WIDTH = 440;
/** room a field's label may take above it (two lines of label text) */
const LABEL_BAND = 40;
/** how many badge-less fields are kept clear of badges (a bound on the layout reads per frame) */
const MAX_QUIET = 200;
/** what a person may want to click or read next: the tip must not sit on it */
const BUSY = 'input, select, textarea, button, label, a[href], [role="radio"], [role="radiogroup"], [role="checkbox"], [contenteditable=""], [contenteditable="true"], table';

export interface HintsUi {
  host: HTMLElement;
  render(entries: BadgeEntry[]): void;
  showTip(anchor: Element, tip: TipContent): void;
  hideTip(): void;
  /** puts the picker's own parts (prefill driver: picker.ts) into the layer's shadow root */
  mount(...nodes: Node[]): void;
  destroy(): void;
}

/**
 * The shadow root's mode by build (issue 15): closed in the release build, so a page script cannot walk
 * into our banner or badges to find and hook the picker; open in tests and the demo build, where the
 * test suites read the badges through `host.shadowRoot`.
 */
export function HINTS_SHADOW_MODE(buildMode: string | undefined): ShadowRootMode {
  return buildMode === 'production' ? 'closed' : 'open';
}

export function createHintsUi(doc: Document, opts: { shadowMode?: ShadowRootMode } = {}): HintsUi {
  const win = doc.defaultView!;
  const host = doc.createElement(UI_HOST_TAG);
  // Over the page's content but under its own popups: every widget library stacks its option lists,
  // pickers and dialogs at z-index 1000 or more (antd 1050, Element 2000+), so a badge beside a field
  // never sits on an option a person is about to click (found on a labels-on-top grid, issue 11).
  host.setAttribute('style', 'position:absolute;top:0;left:0;width:0;height:0;z-index:999;');
  const shadow = host.attachShadow({ mode: opts.shadowMode ?? HINTS_SHADOW_MODE(import.meta.env?.MODE) });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  tip.setAttribute('role', 'tooltip');
  shadow.append(style, layer, tip);
  doc.documentElement.append(host);

  let entries: Array<{ entry: BadgeEntry; box: HTMLElement }> = [];
  /** fields with nothing to say: no badge, but a badge beside another field must not sit on them */
  let quiet: Element[] = [];
  let tipAnchor: Element | null = null;
  let frame = 0;
  const remeasured = new WeakSet<HTMLElement>();

  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      layout();
    });
  };

  /**
   * The part of `el` its scrolling or clipping ancestors let show (layout frame only: styles read here,
   * never during a scan); `cut` when part of its width is hidden. Nothing shows: an empty rect (no badge).
   */
  function clipped(el: Element): ClipRect {
    const r = el.getBoundingClientRect();
    let { left, top, right, bottom } = r;
    for (let a = el.parentElement; a && a !== doc.body && a !== doc.documentElement; a = a.parentElement) {
      const st = win.getComputedStyle(a);
      if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      if (st.overflowX !== 'visible') { left = Math.max(left, c.left); right = Math.min(right, c.right); }
      if (st.overflowY !== 'visible') { top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); }
    }
    const w = Math.max(0, right - left);
    const h = Math.max(0, bottom - top);
    return { left, top, right, bottom, width: w, height: w > 0 ? h : 0, cut: right < r.right - 1 || left > r.left + 1 };
  }

  function layout() {
    const sx = win.scrollX;
    const sy = win.scrollY;
    // Read phase.
    const rects = entries.map(({ entry }) => (entry.anchor.isConnected ? (entry.clip ? clipped(entry.anchor) : entry.anchor.getBoundingClientRect()) : null));
    const rectOf = (el: Element) => (el.isConnected ? el.getBoundingClientRect() : null);
    const fieldRects = [...entries.map(({ entry }, i) => (entry.area ? rectOf(entry.area) : rects[i]!)), ...quiet.map(rectOf)];
    // badge widths as last drawn (they do not depend on where they sit) and the window's width
    const widths = entries.map(({ box }) => box.offsetWidth);
    const vw = doc.documentElement.clientWidth;
    // Write phase.
    // Only what moved is written: badges that stay put cost no style write (issue 19).
    entries.forEach(({ box, entry }, i) => {
      const r = rects[i];
      if (!r || (r.width === 0 && r.height === 0)) { if (!box.hidden) box.hidden = true; return; }
      if (box.hidden) box.hidden = false;
      // no room to the right (narrow window, 200 % zoom, or the next column's field and its label there):
      // under the field's right end, never past the window (WCAG 1.4.10)
      // a table cut by the box it scrolls in: inside that box's edge, not out beside it
      const inside = entry.inside || (r as ClipRect).cut === true;
      const under = !inside && (r.right + 8 + widths[i]! > vw || takenBeside(r, widths[i]!, fieldRects, i));
      setStyle(box, 'left', `${Math.round((under ? Math.max(r.left, Math.min(r.right, vw - 4) - widths[i]!) : r.right + (inside ? -8 : 8)) + sx)}px`);
      setStyle(box, 'transform', inside ? 'translateX(-100%)' : '');
      setStyle(box, 'top', `${Math.round(under ? r.bottom + sy + 2 : r.top + sy + Math.max(0, Math.min(r.height, 32) / 2 - 9))}px`);
    });
    // a badge drawn for the first time had no width yet: place it again once it has one (once per
    // badge box: a re-render in between brings new boxes, and each of them gets its second pass)
    let again = false;
    entries.forEach(({ box }, i) => {
      if (widths[i] === 0 && !box.hidden && !remeasured.has(box)) { remeasured.add(box); again = true; }
    });
    if (again) schedule();
    // The tip last: its place depends on the badges just written and on its own size.
    if (!tip.hidden) placeTip();
  }

  /**
   * The focus tip goes where it hides no field the person is about to use: to the right of the
   * field (past its badges) when there is room for a readable tip, else to its left, else above or
   * below it where nothing is there. When every side is taken (a narrow window, a dense grid), it
   * goes above, over what was already filled, or below when the field is at the window's top.
   * It never takes clicks either (`pointer-events: none`), wherever it lands.
   */
  function placeTip() {
    if (!tipAnchor?.isConnected) {
      tip.hidden = true;
      return;
    }
    const r = tipAnchor.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth || win.innerWidth;
    const vh = doc.documentElement.clientHeight || win.innerHeight;
    // A group (radios) may be a full-width block: its content ends where its last child does.
    let right = r.left;
    const kids = tipAnchor.children;
    if (kids.length > 0 && kids.length <= 40) {
      for (const k of kids) {
        const kr = k.getBoundingClientRect();
        if (kr.width > 0 || kr.height > 0) right = Math.max(right, kr.right);
      }
    } else right = r.right;
    if (right <= r.left) right = r.right;
    for (const { entry, box } of entries) {
      if (box.hidden || entry.inside) continue;
      if (entry.anchor === tipAnchor || tipAnchor.contains(entry.anchor) || entry.anchor.contains(tipAnchor)) {
        right = Math.max(right, box.getBoundingClientRect().right);
      }
    }
    const sx = win.scrollX;
    const sy = win.scrollY;
    tip.style.visibility = 'hidden'; // measured and placed before anyone sees it
    const sized = (maxWidth: number) => {
      tip.style.maxWidth = `${Math.max(Math.min(TIP_MAX_WIDTH, maxWidth), 0)}px`;
      return { w: tip.offsetWidth, h: tip.offsetHeight };
    };
    // beside the field: level with its top, kept inside the window
    const level = (h: number) => Math.max(8, Math.min(r.top, vh - h - 8));
    const besideLeft = right + 10;
    const roomRight = vw - besideLeft - 8;
    if (roomRight >= TIP_MIN_WIDTH) {
      const { w, h } = sized(roomRight);
      if (isFree(besideLeft, level(h), w, h)) return put('right', besideLeft, level(h));
    }
    const roomLeft = r.left - 10 - 8;
    if (roomLeft >= TIP_MIN_WIDTH) {
      const { w, h } = sized(roomLeft);
      if (isFree(r.left - 10 - w, level(h), w, h)) return put('left', r.left - 10 - w, level(h));
    }
    const { w, h } = sized(vw - 16);
    const left = Math.max(8, Math.min(r.left, vw - w - 8));
    const aboveY = r.top - h - 6;
    const belowY = r.bottom + 6;
    const fitsAbove = aboveY >= 0;
    const fitsBelow = belowY + h <= vh;
    if (fitsAbove && isFree(left, aboveY, w, h)) return put('above', left, aboveY);
    if (fitsBelow && isFree(left, belowY, w, h)) return put('below', left, belowY);
    // Every side is taken: above covers what was already filled; below only at the window's top.
    if (fitsAbove || !fitsBelow) put('above', left, Math.max(0, aboveY));
    else put('below', left, belowY);

    function put(place: string, x: number, y: number) {
      tip.dataset.place = place;
      tip.style.left = `${Math.round(x + sx)}px`;
      tip.style.top = `${Math.round(y + sy)}px`;
      tip.style.visibility = '';
    }
  }

  /**
   * Would a badge right of `r` sit on another field, or on the label above one (a two-column grid)?
   * Decided from the fields' rects already read, so it costs no further layout read.
   */
  function takenBeside(r: ClipRect, width: number, all: ReadonlyArray<ClipRect | null>, self: number): boolean {
    const left = r.right + 8;
    const right = left + width;
    return all.some((o, j) => j !== self && o !== null && o.left < right && left < o.right && o.top - LABEL_BAND < r.bottom && r.top < o.bottom);
  }

  /**
   * Is this viewport box clear of form controls and labels? Sampled at its top, middle and bottom every
   * ≤ 32 px across (a pair of 是/否 radio buttons is about 90 px wide: corners and centre alone missed them).
   */
  function isFree(x: number, y: number, w: number, h: number): boolean {
    if (typeof doc.elementFromPoint !== 'function') return true;
    const steps = Math.max(2, Math.ceil(w / 32));
    for (let i = 0; i <= steps; i++) {
      const px = x + 1 + ((w - 2) * i) / steps;
      for (const py of [y + 1, y + h / 2, y + h - 1]) {
        const hit = doc.elementFromPoint(px, py);
        if (hit && hit !== host && hit.closest(BUSY)) return false;
      }
    }
    return true;
  }

  const onMove = () => schedule();
  win.addEventListener('resize', onMove, { passive: true });
  doc.addEventListener('scroll', onMove, { passive: true, capture: true });

  return {
    host,
    render(next) {
      const shown = next.filter((e) => e.badges.length > 0);
      quiet = next.filter((e) => e.badges.length === 0 && !e.inside).slice(0, MAX_QUIET).map((e) => e.area ?? e.anchor);
      // The same badges beside the same fields: nothing is written (issue 19), the layout is refreshed only.
      if (sameBadges(entries, shown)) {
        entries = entries.map(({ box }, i) => ({ entry: shown[i]!, box }));
        schedule();
        return;
      }
      layer.replaceChildren();
      entries = shown.map((entry) => {
        const box = doc.createElement('div');
        box.className = 'badges';
        box.dataset.field = entry.key;
        box.hidden = true;
        for (const b of entry.badges) {
          const span = doc.createElement('span');
          span.className = 'badge';
          span.dataset.tone = b.tone;
          span.textContent = b.text;
          span.title = b.title;
          box.append(span);
        }
        layer.append(box);
        return { entry, box };
      });
      schedule();
    },
    showTip(anchor, content) {
      tipAnchor = anchor;
      const h = doc.createElement('h4');
      h.textContent = content.heading;
      tip.replaceChildren(h, ...content.lines.map((l) => {
        const p = doc.createElement('p');
        if (l.tone) p.dataset.tone = l.tone;
        p.textContent = l.text;
        return p;
      }));
      // Placed before it is painted: never shown for a frame where the previous field's tip was.
      tip.hidden = false;
      placeTip();
      schedule();
    },
    hideTip() {
      tipAnchor = null;
      tip.hidden = true;
    },
    mount(...nodes) {
      shadow.append(...nodes);
    },
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('resize', onMove);
      doc.removeEventListener('scroll', onMove, { capture: true });
      host.remove();
    },
  };
}

function setStyle(el: HTMLElement, prop: 'left' | 'top' | 'transform', value: string) {
  if (el.style[prop] !== value) el.style[prop] = value;
}

/** Would rendering `next` draw exactly what `drawn` shows (same fields, anchors, badges, placement)? */
function sameBadges(drawn: ReadonlyArray<{ entry: BadgeEntry }>, next: readonly BadgeEntry[]): boolean {
  if (drawn.length !== next.length) return false;
  return drawn.every(({ entry: a }, i) => {
    const b = next[i]!;
    return a.key === b.key && a.anchor === b.anchor && Boolean(a.inside) === Boolean(b.inside) && a.badges.length === b.badges.length &&
      a.badges.every((x, j) => x.tone === b.badges[j]!.tone && x.text === b.badges[j]!.text && x.title === b.badges[j]!.title);
  });
}
