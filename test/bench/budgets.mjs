// Size budgets, run by `npm test` after the builds: gzip -9 sizes of each built surface of
// .output/chrome-mv3 (or the directory given as the first argument) against test/bench/budgets.json.
// Exits 1 when any surface is over its budget. Timing targets are not checked here (see run.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBuild, kib } from './lib/sizes.mjs';
import { checkSizes, sizeRows, SIZE_HEAD, SIZE_ALIGN } from './lib/size-budgets.mjs';
import { textTable } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.argv[2] ?? path.join(root, '.output/chrome-mv3'));
if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
  console.error(`size budgets: no built extension at ${dir} (run \`npx wxt build\` first)`);
  process.exit(1);
}

const measured = measureBuild(dir);
const rows = checkSizes(measured);
console.log(`size budgets for ${path.relative(process.cwd(), dir) || dir} (gzip -9, KiB = 1024 B)\n`);
console.log(textTable(SIZE_HEAD, sizeRows(rows), SIZE_ALIGN));

for (const s of measured.surfaces) {
  if (s.lazy?.files.length) console.log(`\n${s.label}: ${s.lazy.files.length} lazy chunk(s), ${kib(s.lazy.gz)} KiB gz, loaded on demand (not in its budget)`);
}
const over = rows.filter((r) => r.status === 'over');
for (const r of over) {
  console.log(`\n✗ ${r.key} is over budget; largest files:`);
  for (const f of r.files.slice(0, 5)) console.log(`    ${kib(f.gz).padStart(7)} KiB gz  ${f.file}`);
}
if (over.length) console.log('\n  What fills each bundle and which static import brings each heavy part in: `npm run bench -- --only=sizes` (BENCHMARKS.md).');
const absent = rows.filter((r) => r.status === 'absent').map((r) => r.key);
if (absent.length) console.log(`\nnot in this build (nothing to check): ${absent.join(', ')}`);
console.log(over.length ? `\nsize budgets: ${over.length} over` : '\nsize budgets: all within budget');
process.exit(over.length ? 1 : 0);
