// The product's locator engine (src/portal/dom), bundled by test/bench/sections/field-scan.mjs into
// a page script. `indexPage` is the field scan proper (every control with its label signals, the
// same work as the querySelectorAll + .labels floor); `scanPage` is what the content script does per
// snapshot: index, bind the shipped demo adapter's fields, read their values.
import { indexTargets } from '../../../src/portal/dom/targets.ts';
import { scanPage as scanWithAdapter, type ScanAdapter } from '../../../src/portal/dom/scan.ts';
import demoPortal from '../../../src/portal/adapters/demo-portal.json' with { type: 'json' };

const adapter = demoPortal as unknown as ScanAdapter;

export function indexPage(): { found: number; labelled: number } {
  const targets = indexTargets(document);
  return { found: targets.length, labelled: targets.filter((t) => t.labels.length > 0).length };
}

export function scanPage(): { found: number; labelled: number; bound: number } {
  const r = scanWithAdapter(document, adapter);
  return { found: r.targets.length, labelled: r.targets.filter((t) => t.labels.length > 0).length, bound: r.fields.filter((f) => f.found).length };
}

export const engineInfo = `indexTargets + scanPage from src/portal/dom with the demo adapter (${adapter.fields.length} fields, ${adapter.attachments.length} attachments)`;
