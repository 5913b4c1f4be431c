// Section: gzipped size of each built surface, beside driver.js, shepherd.js and intro.js bundled and
// gzipped the same way in the same run.
import { measureBuild, kib } from '../lib/sizes.mjs';
import { checkSizes, sizeRows, SIZE_HEAD, SIZE_ALIGN } from '../lib/size-budgets.mjs';
import { measurePeers } from '../lib/peers.mjs';
import { attribute, attributionRows, chainRows } from '../lib/attribution.mjs';

export async function sizesSection({ extDir, statsHtml }) {
  const measured = measureBuild(extDir);
  const budgetRows = checkSizes(measured);
  const peers = await measurePeers();

  const surfaceRows = measured.surfaces.map((s) => [
    s.label, 'this build', String(s.js.files.length), kib(s.js.raw), kib(s.js.gz), s.css.files.length ? kib(s.css.gz) : '–',
    s.lazy?.files.length ? `${s.lazy.files.length} · ${kib(s.lazy.gz)}` : '–',
  ]);
  const peerRows = peers.map((p) => p.error
    ? [p.name, 'not measured', '–', '–', '–', '–', p.error]
    : [p.name, `${p.version} (${p.entry})`, '1', kib(p.jsRaw), kib(p.jsGz), p.cssGz != null ? kib(p.cssGz) : '–', '–']);
  const content = measured.surfaces.find((s) => s.id === 'content');
  const notes = [
    'Initial JS = the entry chunk plus every chunk it imports statically (read from the HTML script/modulepreload tags and the chunks\' own import statements); lazy = reachable only through import().',
    'Peers: the package\'s main ESM entry bundled by rolldown 1.x (Vite 8\'s bundler) with minify, whole API kept, gzip -9; CSS is the package\'s stylesheet as shipped.',
  ];
  // Before/after of the size work, kept with the section (the tables above are always this build's).
  notes.push('Issue 19, round two (2026-12-07, before → after, KiB gz): staff page 134.5 → 98.4 (the expert group, the after-award duties and import/export load when first shown or clicked; budget 135 → 104). Side panel 75.7, options 70.9 and background 71.4 did not move: classic zod is about 31 of each, and it stays at first paint while the pure core\'s public API (zod schemas, ZodError) and the checks that page paints first use it; budgets tightened to 80 / 75 / 75.');
  if (content) {
    const smaller = peers.filter((p) => !p.error && p.jsGz < content.js.gz).map((p) => p.name);
    notes.push(`The content script (${kib(content.js.gz)} KiB gz) is ${smaller.length ? `larger than ${smaller.join(', ')}` : 'smaller than every peer library alone'}; it also carries the locator engine and the hint UI, which the peers do not.`);
  }
  for (const s of measured.surfaces) {
    const top = s.js.files.slice(0, 3).map((f) => `${f.file} ${kib(f.gz)}`).join(', ');
    if (top) notes.push(`${s.label} largest initial files (KiB gz): ${top}`);
  }
  let attribution = null;
  let attributionTable = null;
  let chainTable = null;
  if (statsHtml) {
    try {
      attribution = attribute(extDir, statsHtml);
      attributionTable = { caption: 'What fills each initial bundle (share of rendered module bytes, ≈ gz KiB by that share)', head: ['surface', 'largest contributors'], rows: attributionRows(attribution) };
      const chains = chainRows(attribution);
      if (chains.length) chainTable = { caption: 'How the heavy parts (≥ 3 KiB gz) get into each initial bundle: shortest chain of static imports from the entry', head: ['surface', 'package or folder', 'static import chain'], rows: chains };
    } catch (e) {
      notes.push(`Module attribution not available: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  } else notes.push('Module attribution not available: needs the `wxt build --analyze` build (run without --no-build).');
  return {
    id: 'sizes', title: 'Bundle sizes (gzip -9)', status: 'measured',
    tables: [
      { caption: 'Budgets (enforced by `npm test` via test/bench/budgets.mjs)', head: SIZE_HEAD, rows: sizeRows(budgetRows), align: SIZE_ALIGN },
      ...(attributionTable ? [attributionTable] : []),
      ...(chainTable ? [chainTable] : []),
      { caption: 'Each surface beside the peers', head: ['entry', 'source', 'initial JS files', 'JS raw KiB', 'JS gz KiB', 'CSS gz KiB', 'lazy chunks · gz KiB'], rows: [...surfaceRows, ...peerRows], align: ['l', 'l', 'r', 'r', 'r', 'r', 'r'] },
    ],
    notes,
    metrics: { sizes: Object.fromEntries(budgetRows.map((r) => [r.key, { gz: r.gz, raw: r.raw, maxKiB: r.maxKiB, status: r.status }])), peers, attribution },
  };
}
