import { it } from 'vitest';
import { generateForm } from '../../bench/forms/generate.mjs';
import { indexTargets } from '../../../src/portal/dom/targets.ts';
it('debug', () => {
  const { html } = generateForm(1000);
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  indexTargets(document);
  const spy = { n: 0 };
  const orig = document.getElementsByTagName.bind(document);
  (document as any).getElementsByTagName = (t: string) => { if (t === 'table') spy.n++; return orig(t); };
  const cols = [...document.getElementsByClassName('el-col')].filter((c) => c.querySelector('input.el-input__inner[id]') && c.querySelector('label[for]'));
  const copy = cols[37]!.cloneNode(true) as Element;
  const input = copy.querySelector('input.el-input__inner[id]')!; const label = copy.querySelector('label[for]') as HTMLLabelElement;
  if (label.htmlFor === input.id) label.htmlFor = 'zz'; input.id = 'zz';
  cols[37]!.after(copy);
  (globalThis as any).__dbg = true;
  const t0 = performance.now(); const r = indexTargets(document); console.log('targets', r.length, 'walks', spy.n, 'ms', performance.now() - t0);
});
