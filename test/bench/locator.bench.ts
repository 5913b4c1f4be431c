// The locator engine on generated Element-UI-like forms under happy-dom (Node): a quick regression
// signal next to the Chromium numbers in BENCHMARKS.md. Parsed with DOMParser (no innerHTML).
import { bench, describe } from 'vitest';
import { generateForm } from './forms/generate.mjs';
import { indexTargets } from '../../src/portal/dom/targets.ts';
import { scanPage, type ScanAdapter } from '../../src/portal/dom/scan.ts';
import demoPortal from '../../src/portal/adapters/demo-portal.json' with { type: 'json' };

const adapter = demoPortal as unknown as ScanAdapter;
const parse = (n: number) => new DOMParser().parseFromString(generateForm(n).html, 'text/html');

for (const n of [100, 1000]) {
  describe(`locator on a generated ${n}-field form (happy-dom)`, () => {
    const doc = parse(n);
    bench(`indexTargets, ${n} fields`, () => {
      indexTargets(doc);
    });
    bench(`scanPage with the demo adapter, ${n} fields`, () => {
      scanPage(doc, adapter);
    });
    bench(`floor: querySelectorAll + label[for] lookup, ${n} fields`, () => {
      for (const el of doc.querySelectorAll('input,select,textarea')) {
        if (el.id) doc.querySelector(`label[for="${el.id}"]`);
      }
    });
  });
}
