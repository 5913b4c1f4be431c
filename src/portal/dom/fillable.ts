/**
 * Can a person see and edit this field? Prefill writes only into fields that pass (issue 15: a page
 * could otherwise harvest the profile through invisible inputs, as password managers know).
 * Called at prefill time only (a user action), never during scans: this reads styles and layout.
 * Hidden: the `hidden` attribute, type=hidden, display:none, visibility:hidden/collapse, opacity 0 on
 * the field or any ancestor, zero size, or entirely off-screen. Not editable: disabled (or in a
 * disabled fieldset), readonly.
 */
export type UnfillableReason = 'hidden' | 'not-editable';

export function unfillableReason(el: Element, visibleAs: Element = el): UnfillableReason | null {
  if (isHidden(visibleAs) || (visibleAs !== el && isHidden(el, true))) return 'hidden';
  const control = el as HTMLInputElement;
  if (control.disabled === true || el.closest('fieldset[disabled]') !== null || el.getAttribute('aria-disabled') === 'true') return 'not-editable';
  if (control.readOnly === true || el.getAttribute('aria-readonly') === 'true') return 'not-editable';
  return null;
}

/** `structuralOnly`: for a native control a widget library styles away (its label is what is seen). */
function isHidden(el: Element, structuralOnly = false): boolean {
  if ((el as HTMLInputElement).type === 'hidden' && el.tagName === 'INPUT') return true;
  const win = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if ((node as HTMLElement).hidden === true) return true;
    if (structuralOnly) continue;
    const style = win?.getComputedStyle(node);
    if (!style) continue;
    if (style.display === 'none') return true;
    if (node === el && (style.visibility === 'hidden' || style.visibility === 'collapse')) return true;
    if (style.visibility === 'hidden' && node !== el && !hasVisibleOverride(el, node, win!)) return true;
    if (style.opacity !== '' && Number(style.opacity) === 0) return true;
  }
  if (structuralOnly) return false;
  return outOfSight(el);
}

/** visibility inherits, but a descendant may set it back to visible */
function hasVisibleOverride(el: Element, ancestor: Element, win: Window): boolean {
  for (let node: Element | null = el; node && node !== ancestor; node = node.parentElement) {
    if (win.getComputedStyle(node).visibility === 'visible') return true;
  }
  return false;
}

/** Geometry, where the document has layout (a real browser; not a DOM-only test environment). */
function outOfSight(el: Element): boolean {
  const doc = el.ownerDocument;
  const page = doc.documentElement.getBoundingClientRect();
  if (page.width === 0 && page.height === 0) return false; // no layout engine: nothing to measure
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return true;
  const win = doc.defaultView;
  const sx = win?.scrollX ?? 0;
  const sy = win?.scrollY ?? 0;
  // entirely left of or above the page (the classic left:-9999px), where no scrolling can bring it
  return r.right + sx <= 0 || r.bottom + sy <= 0;
}
