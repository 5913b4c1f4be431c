// Renders the demo portal's real form markup (both variants) into happy-dom, for locator tests.
// @ts-expect-error plain JS module of the demo portal
import { fields, steps, isShown } from '../../portal/public/app/form-def.js';
// @ts-expect-error plain JS module of the demo portal
import { renderFormA } from '../../portal/public/app/render-a.js';
// @ts-expect-error plain JS module of the demo portal
import { renderFormB } from '../../portal/public/app/render-b.js';

export interface PortalField { step: string; name: string; label: string; type: string; kind?: string }
export const portalFields = fields as PortalField[];
export const portalSteps = steps as Array<{ id: string; title: string }>;

let seq = 0;
/** Renders one step of one variant; `values` are the portal's own state (labels as shown). */
export function renderStep(variant: 'a' | 'b', stepId: string, values: Record<string, unknown> = {}, idSeed = 1): HTMLElement {
  const state: Record<string, unknown> = { kind: '组织', ...values };
  const shown = (fields as PortalField[]).filter((f) => f.step === stepId && isShown(f, state));
  let n = idSeed * 7919;
  const ctx = {
    id: (prefix: string) => `${prefix}${((n = (n * 48271 + ++seq) % 0x7fffffff) & 0xffff).toString(16).padStart(4, '0')}`,
    set: (name: string, v: unknown) => { state[name] = v; },
    upload: () => undefined,
  };
  const form = variant === 'a' ? renderFormA(shown, state, ctx) : renderFormB(shown, state, ctx);
  const root = document.createElement('div');
  root.append(form);
  document.body.replaceChildren(root);
  // happy-dom loses the selectedness of an <option selected> built before it joins its <select>; browsers keep it.
  for (const o of root.querySelectorAll('option[selected]')) (o as HTMLOptionElement).selected = true;
  return root;
}
