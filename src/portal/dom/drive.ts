/**
 * Widget drivers, writing side: how prefill puts a value into a library's widget the way a person
 * would — open the select and click the option (in the list the library teleports to <body>), type
 * into a date picker and confirm with Enter, click a radio or a switch — and then read the widget
 * again. A value the widget does not show afterwards was never stored by the page's framework: it is
 * reported as not taken, never counted as filled. Never writes a framework's internal state.
 *
 * Runs at prefill time only (a person clicked 填入资料): reading layout here (is an option visible)
 * is allowed; the scan never calls these. Markers are the same as widgets.ts: roles and class-name
 * suffixes, never CSS paths.
 */
import { normalizeLabel } from '../normalize.ts';
import { customSelectText, selectRoot, switchOn } from './widgets.ts';
import { optionLabel } from './read.ts';
import { splitList } from '../list-value.ts';

export type DriveOutcome = 'filled' | 'no-such-option' | 'not-taken';

/** How long a library may take to open its popup or show the chosen value (Vue/React re-render, transitions). */
const WAIT_MS = 1200;

const cls = (e: Element) => e.getAttribute('class') ?? '';
const same = (a: string, b: string) => normalizeLabel(a) === normalizeLabel(b);

/** A date (or time) picker's input: a combobox whose popup is a dialog, or an input inside a `*-picker` / `*-date-editor`. */
export function isDatePicker(input: Element): boolean {
  if (input.tagName !== 'INPUT') return false;
  if (input.getAttribute('role') === 'combobox' && input.getAttribute('aria-haspopup') === 'dialog') return true;
  for (let e: Element | null = input.parentElement, i = 0; e && i < 4; e = e.parentElement, i++) {
    if (/(^|\s)[a-z]+(-[a-z]+)*-(picker|date-editor|date-picker)(\s|$)/.test(cls(e))) return true;
  }
  return false;
}

/** Polls every 16 ms (about a frame) until `probe` answers or time runs out. */
export function waitFor<T>(probe: () => T | null | undefined | false, ms = WAIT_MS): Promise<T | null> {
  const start = Date.now();
  return new Promise((resolve) => {
    const tick = () => {
      let got: T | null | undefined | false = null;
      try { got = probe(); } catch { got = null; }
      if (got) return resolve(got);
      if (Date.now() - start > ms) return resolve(null);
      setTimeout(tick, 16);
    };
    tick();
  });
}

function fire(el: Element, type: string, init: Record<string, unknown> = {}): void {
  const win = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  const opts = { bubbles: true, cancelable: true, composed: true, view: win, ...init };
  const ev = type.startsWith('key') ? new win.KeyboardEvent(type, opts)
    : type.startsWith('pointer') && win.PointerEvent ? new win.PointerEvent(type, opts)
    : type.startsWith('mouse') || type === 'click' ? new win.MouseEvent(type, opts)
    : new win.FocusEvent(type, opts);
  el.dispatchEvent(ev);
}

/** A press as the libraries listen for it: pointer/mouse down (antd opens on it), up, click. */
export function press(el: Element): void {
  fire(el, 'pointerdown', { button: 0 });
  fire(el, 'mousedown', { button: 0 });
  (el as HTMLElement).focus?.({ preventScroll: true });
  fire(el, 'pointerup', { button: 0 });
  fire(el, 'mouseup', { button: 0 });
  fire(el, 'click', { button: 0 });
}

function key(el: Element, name: string, code: number): void {
  fire(el, 'keydown', { key: name, code: name, keyCode: code, which: code });
  fire(el, 'keyup', { key: name, code: name, keyCode: code, which: code });
}

/** Drawn and not hidden (layout read: prefill time only). */
function shown(e: Element): boolean {
  const r = e.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  const s = e.ownerDocument.defaultView?.getComputedStyle(e);
  return !s || (s.visibility !== 'hidden' && s.display !== 'none');
}

/** An option of an open list: role=option, or a library's option item (`*-select-item-option`, `*-select-dropdown__item`, `*__option`). */
const OPTION = /(^|\s)[a-z]+(-[a-z]+)*(-option|-dropdown__item|__option)(\s|$)/;
function visibleOptions(doc: Document, near: Element): Element[] {
  const out: Element[] = [];
  const all = doc.body?.getElementsByTagName('*') ?? [];
  for (let i = 0; i < all.length && i < 20000; i++) {
    const e = all[i]!;
    if (near.contains(e)) continue;
    if ((e.getAttribute('role') === 'option' || OPTION.test(cls(e))) && !out.some((o) => o.contains(e)) && shown(e)) out.push(e);
  }
  return out;
}
function optionText(o: Element): string {
  return (o.getAttribute('title') ?? '').trim() || (o.textContent ?? '').trim();
}
function isDisabledOption(o: Element): boolean {
  return o.getAttribute('aria-disabled') === 'true' || /(^|\s)(is-disabled|[a-z-]+-disabled)(\s|$)/.test(cls(o));
}

/** Does the select now show `display` (several chosen: among its tags)? */
function selectShows(input: Element, display: string): boolean {
  const text = customSelectText(input);
  return same(text, display) || text.split('、').some((t) => same(t, display));
}

/**
 * A library select: opens it as a click would, clicks the option whose text is `display` in the
 * open list (wherever the library drew it), closes it, and checks it now shows the choice.
 */
export async function chooseOption(input: Element, display: string): Promise<DriveOutcome> {
  if (selectShows(input, display)) return 'filled';
  const root = selectRoot(input);
  const doc = input.ownerDocument;
  const open = () => openList(input, root);
  const find = () => visibleOptions(doc, root).find((o) => same(optionText(o), display) && !isDisabledOption(o));
  open();
  let option = await waitFor(find, 600);
  if (!option) {
    // a list that did not open on the first press (a library toggling on mousedown and on click)
    if (visibleOptions(doc, root).length === 0) { open(); option = await waitFor(find, 600); }
  }
  if (!option && !(input as HTMLInputElement).readOnly) {
    // a filterable select with a long (virtual) list: type the text to bring the option into view
    setValue(input as HTMLInputElement, display);
    option = await waitFor(find, 800);
  }
  if (!option) {
    const any = visibleOptions(doc, root).length > 0;
    close(input);
    return any ? 'no-such-option' : 'not-taken';
  }
  clickItem(option);
  const ok = await waitFor(() => selectShows(input, display));
  close(input);
  return ok ? 'filled' : 'not-taken';
}

/** Opens a library select or cascader as a press on its selector box would (antd: `*-select-selector`; Element: the wrapper), else on its root. */
function openList(input: Element, root: Element): void {
  const box = [...root.querySelectorAll('*')].find((e) => /(^|\s)[a-z-]*(-selector|__wrapper|select__tags|-input)(\s|$)/.test(cls(e)) && e.contains(input)) ?? root;
  press(box);
}

/** A person's click on an item of an open list (hover first: some lists act on the hovered item). */
function clickItem(item: Element): void {
  fire(item, 'mousemove');
  fire(item, 'mouseenter', { bubbles: false });
  fire(item, 'mousedown', { button: 0 });
  fire(item, 'mouseup', { button: 0 });
  fire(item, 'click', { button: 0 });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => same(x, b[i]!));
const chosenOf = (input: Element) => splitList('multiselect', customSelectText(input));
const has = (list: readonly string[], text: string) => list.some((x) => same(x, text));

/**
 * A multiple select: opens its list and clicks each option to add (and, when replacing, each chosen
 * one to drop: a click on a chosen option un-chooses it), as a person would; a filterable one gets
 * the text typed when the option is not in view. Taken when the select then shows exactly `wanted`.
 */
export async function chooseOptions(input: Element, wanted: readonly string[]): Promise<DriveOutcome> {
  const done = () => { const now = chosenOf(input); return now.length === wanted.length && wanted.every((w) => has(now, w)); };
  if (done()) return 'filled';
  const root = selectRoot(input);
  const doc = input.ownerDocument;
  const now = chosenOf(input);
  const clicks = [...wanted.filter((w) => !has(now, w)), ...now.filter((c) => !has(wanted, c))];
  openList(input, root);
  if (!(await waitFor(() => visibleOptions(doc, root).length > 0, 600))) { openList(input, root); await waitFor(() => visibleOptions(doc, root).length > 0, 600); }
  for (const text of clicks) {
    const find = () => visibleOptions(doc, root).find((o) => same(optionText(o), text) && !isDisabledOption(o));
    let option = await waitFor(find, 400);
    if (!option && !(input as HTMLInputElement).readOnly) { setValue(input as HTMLInputElement, text); option = await waitFor(find, 800); }
    if (!option) { close(input); return has(wanted, text) ? 'no-such-option' : 'not-taken'; }
    const adding = has(wanted, text);
    clickItem(option);
    if (!(await waitFor(() => has(chosenOf(input), text) === adding, 800))) { close(input); return 'not-taken'; }
  }
  close(input);
  return (await waitFor(done, 600)) ? 'filled' : 'not-taken';
}

/** A cascader's node in its open menus: `*-cascader-node`, `*-cascader-menu-item`, or an ARIA menu/tree item. */
const CASCADE_NODE = /(^|\s)[a-z]+(-[a-z]+)*(-cascader-node|-cascader-menu-item)(\s|$)/;
function openMenus(doc: Document, near: Element): Element[][] {
  const menus = new Map<Element, Element[]>();
  const all = doc.body?.getElementsByTagName('*') ?? [];
  for (let i = 0; i < all.length && i < 20000; i++) {
    const e = all[i]!;
    if (near.contains(e)) continue;
    const role = e.getAttribute('role') ?? '';
    if (!(CASCADE_NODE.test(cls(e)) || /^(menuitem|menuitemcheckbox|menuitemradio|treeitem)$/.test(role))) continue;
    const menu = e.parentElement;
    if (!menu || !shown(e)) continue;
    const list = menus.get(menu);
    if (list) list.push(e);
    else menus.set(menu, [e]);
  }
  return [...menus.values()];
}
const nodeText = (n: Element) => (n.getAttribute('title') ?? '').trim() || (n.textContent ?? '').trim();

/**
 * A cascader (province → city → district): opens it and clicks, level by level, the node reading
 * each part of `path` in that level's menu (the libraries draw one menu per level, left to right);
 * the last click chooses. Taken when the cascader then shows the whole path.
 */
export async function chooseCascade(input: Element, path: readonly string[]): Promise<DriveOutcome> {
  const shows = () => sameList(splitList('cascader', customSelectText(input)), path);
  if (shows()) return 'filled';
  if (path.length === 0) return 'no-such-option';
  const root = selectRoot(input);
  const doc = input.ownerDocument;
  openList(input, root);
  if (!(await waitFor(() => openMenus(doc, root).length > 0, 600))) { openList(input, root); await waitFor(() => openMenus(doc, root).length > 0, 600); }
  for (let level = 0; level < path.length; level++) {
    const node = await waitFor(() => openMenus(doc, root)[level]?.find((n) => same(nodeText(n), path[level]!) && !isDisabledOption(n)), 800);
    if (!node) {
      const any = openMenus(doc, root).length > 0;
      close(input);
      return any ? 'no-such-option' : 'not-taken';
    }
    clickItem(node);
  }
  const ok = await waitFor(shows, 800);
  close(input);
  return ok ? 'filled' : 'not-taken';
}

/** Closes an open list or picker: Escape, as a person would (a multiple select stays open after a click). */
function close(input: Element): void {
  key(input, 'Escape', 27);
  (input as HTMLElement).blur?.();
}

/** Writes through the native value setter (frameworks that track `value` see a real change) and fires input + change. */
export function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const win = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const proto = !win ? null
    : el instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype
    : el instanceof win.HTMLSelectElement ? win.HTMLSelectElement.prototype
    : win.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * A date picker: opens it (some libraries keep the input read-only until then), types the date,
 * confirms with Enter, leaves it; taken when the input then shows that date.
 */
export async function typeDate(input: HTMLInputElement, display: string): Promise<DriveOutcome> {
  if (same(input.value, display)) return 'filled';
  press(input);
  await waitFor(() => !input.readOnly, 500);
  if (input.readOnly) { close(input); return 'not-taken'; }
  setValue(input, display);
  key(input, 'Enter', 13);
  close(input);
  fire(input, 'focusout');
  const ok = await waitFor(() => input.isConnected && same(input.value, display), 600);
  return ok ? 'filled' : 'not-taken';
}

/** A text or number input: typed through the native setter; taken when the framework kept it (React resets one it refused). */
export async function typeText(el: HTMLInputElement | HTMLTextAreaElement, display: string): Promise<DriveOutcome> {
  el.focus?.({ preventScroll: true });
  setValue(el, display);
  (el as HTMLElement).blur?.();
  const ok = await waitFor(() => same(el.value, display), 400);
  return ok ? 'filled' : 'not-taken';
}

/** A radio group: clicks the radio whose label reads `display`; taken when it is then checked. */
export async function pickRadio(group: Element, display: string): Promise<DriveOutcome> {
  const radios = [...group.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
  const radio = radios.find((r) => same(optionLabel(r), display) || r.value === display);
  if (!radio) return 'no-such-option';
  if (!radio.checked) radio.click();
  return (await waitFor(() => radio.checked, 400)) ? 'filled' : 'not-taken';
}

/** A checkbox or switch (`role="switch"` button or div): clicked when it is not yet `want`; taken when it then is. */
export async function setToggle(el: Element, want: boolean): Promise<DriveOutcome> {
  if (switchOn(el) !== want) (el as HTMLElement).click();
  return (await waitFor(() => switchOn(el) === want, 400)) ? 'filled' : 'not-taken';
}
