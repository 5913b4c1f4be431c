// `npm test`: every check the project has, in order, with one closing line of counts.
// Steps: typecheck, unit/property tests (vitest), Chromium + Firefox builds, web-ext lint,
// size budgets, end-to-end tests in Debian's Chromium and Firefox ESR.
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, CJK_FONT, FIREFOX, LIBREOFFICE_CALC, LIBREOFFICE_WRITER, POPPLER, ensureDebianPackages } from './tools/ensure-debian-packages.mjs';
import { run } from './tools/plain-output.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const artifacts = path.join(root, 'test/artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);

// The e2e suites run in Debian's Chromium and Firefox ESR: install them on a fresh machine.
ensureDebianPackages([CHROMIUM, FIREFOX, CJK_FONT]);
// Export checks (unit step): LibreOffice Calc/Writer round-trips and PDF conversion, poppler for PDF text.
ensureDebianPackages([LIBREOFFICE_CALC, LIBREOFFICE_WRITER, POPPLER]);

const steps = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit'] },
  { name: 'unit', cmd: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(artifacts, 'vitest.json')}`], counts: () => {
      const r = JSON.parse(fs.readFileSync(path.join(artifacts, 'vitest.json'), 'utf8'));
      return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0) };
    } },
  { name: 'build chrome', cmd: [bin('wxt'), 'build'] },
  { name: 'build firefox', cmd: [bin('wxt'), 'build', '-b', 'firefox'] },
  // The demo builds (local demo portal granted) are what the e2e load; the release builds above are what ships.
  { name: 'build chrome demo', cmd: [bin('wxt'), 'build', '--mode', 'demo'] },
  { name: 'build firefox demo', cmd: [bin('wxt'), 'build', '-b', 'firefox', '--mode', 'demo'] },
  { name: 'release zips', cmd: [bin('wxt'), 'zip'] },
  { name: 'release manifest: no local origins', cmd: ['node', 'test/tools/check-release.mjs'] },
  { name: 'web-ext lint', cmd: [bin('web-ext'), 'lint', '-s', '.output/firefox-mv2', '--no-input', '--warnings-as-errors'] },
  // the store packages (Chrome/Edge zip, AMO package + sources, web-ext lint); test/e2e/release.e2e.mjs loads them
  { name: 'release packages', cmd: ['node', 'build/release.mjs'] },
  { name: 'size budgets', cmd: ['node', 'test/bench/budgets.mjs'], optionalFile: 'test/bench/budgets.mjs' },
  { name: 'e2e chromium', cmd: ['node', 'test/e2e/run.mjs'], result: 'e2e-result.json' },
  { name: 'e2e firefox', cmd: ['node', 'test/e2e-firefox/run.mjs'], result: 'firefox-e2e-result.json' },
];
for (const step of steps) {
  if (step.result) step.counts = () => JSON.parse(fs.readFileSync(path.join(artifacts, step.result), 'utf8'));
}

let passed = 0;
let failed = 0;
const started = Date.now();
for (const step of steps) {
  if (step.optionalFile && !fs.existsSync(path.join(root, step.optionalFile))) continue;
  if (step.result) fs.rmSync(path.join(artifacts, step.result), { force: true }); // no stale counts after a crash
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}: ${step.cmd.map((c) => path.relative(root, c) || c).join(' ')}`);
  // Not on a terminal (CI, a log file): plain lines, no spinners or colour codes (test/tools/plain-output.mjs).
  const status = await run(step.cmd[0], step.cmd.slice(1), { cwd: root });
  const ok = status === 0;
  let counts = null;
  try { counts = step.counts?.() ?? null; } catch { counts = null; }
  if (counts) { passed += counts.passed; failed += counts.failed; }
  else if (ok) passed += 1;
  else failed += 1;
  if (!ok && counts && counts.failed === 0) failed += 1; // the step failed without a failing test (crash, config)
  console.log(`${ok ? '✓' : '✗'} ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nall checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
