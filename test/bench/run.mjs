// `npm run bench`: builds the extension, measures it and writes BENCHMARKS.md.
//   sizes (beside driver.js / shepherd.js / intro.js) · field scan on generated low-code forms ·
//   keystroke → hint with the real extension · Node benches (pre-check, self-evaluation, replay) ·
//   staff page with 10,000 cases.
// Every section degrades to "not measured: <why>", so the command always completes. Timing targets
// (test/bench/budgets.json "timings") are reported, never asserted. Not part of `npm test`.
// Options: --no-build (measure .output/chrome-mv3 as it is), --only=sizes,scan,keystroke,node,staff
// Opt-in (only with --only): sharing-browser [--years=N] (issue 20: N award years replicated into a fresh Chromium profile)
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textTable, mdTable } from './lib/table.mjs';
import { notMeasured, withTimeout } from './lib/report.mjs';
import { sizesSection } from './sections/sizes.mjs';
import { fieldScanSection } from './sections/field-scan.mjs';
import { keystrokeSection } from './sections/keystroke.mjs';
import { nodeBenchSection } from './sections/node-benches.mjs';
import { staffSection } from './sections/staff.mjs';
import { sharingBrowserSection, TITLE as SHARING_BROWSER } from './sections/sharing-browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const started = Date.now();
/** Temp dirs this run made; removed when it ends, also after Ctrl-C. */
const tempDirs = [];
const removeTemp = () => { for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); };
process.on('exit', removeTemp);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { removeTemp(); process.exit(130); });

function chromiumVersion() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (p && fs.existsSync(p)) {
      try { return execFileSync(p, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* next */ }
    }
  }
  return 'not found';
}

function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execSync('git status --porcelain', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty) commit += ' + uncommitted changes';
  } catch { /* not a git checkout */ }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`, os: `${os.type()} ${os.release()} ${os.arch()}`,
    browser: chromiumVersion(), node: process.version, loadStart: os.loadavg().map((x) => x.toFixed(2)).join(' '), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), commit,
  };
}

/**
 * Builds a copy of the working tree in a temp dir with `wxt build --analyze`: the shared .output/ is
 * left to the other builds, and the analyzer's module data says what fills each bundle.
 */
function build() {
  if (args.includes('--no-build')) return { extDir: path.join(root, '.output/chrome-mv3'), demoExtDir: path.join(root, '.output/chrome-mv3-demo'), statsHtml: null, note: 'measured the existing .output/chrome-mv3 (--no-build)' };
  // A fresh temp dir per run (removed when the run ends, see below): no fixed path two runs could share.
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-bench-src-'));
  tempDirs.push(src);
  const log = path.join(src, 'build.log');
  try {
    execSync(`tar --exclude=./node_modules --exclude=./.output --exclude=./.git --exclude=./test/artifacts --exclude=./stats.html -cf - . | tar -xf - -C ${src}`, { cwd: root, stdio: 'ignore' });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(src, 'node_modules'));
    execSync(`npx wxt build --analyze >${log} 2>&1`, { cwd: src, stdio: 'ignore', timeout: 180_000 });
    // The keystroke section needs the demo build: only it runs the content script on the local demo portal.
    let demoExtDir = null;
    if (!only || only.includes('keystroke') || only.includes('sharing-browser')) {
      try {
        execSync(`npx wxt build --mode demo >>${log} 2>&1`, { cwd: src, stdio: 'ignore', timeout: 180_000 });
        demoExtDir = path.join(src, '.output/chrome-mv3-demo');
      } catch { /* keystroke says "not measured" */ }
    }
    return { extDir: path.join(src, '.output/chrome-mv3'), demoExtDir, statsHtml: path.join(src, 'stats.html'), note: 'fresh `wxt build --analyze` (chrome-mv3, production) of the working tree, built in a temp copy (keystroke: `wxt build --mode demo` of the same copy)' };
  } catch {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim().split('\n').filter((l) => /error|ERR|Could not/i.test(l)).slice(0, 2).join(' | ') : '';
    const fallback = path.join(root, '.output/chrome-mv3');
    if (!tail) console.log(fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '');
    return { extDir: fs.existsSync(path.join(fallback, 'manifest.json')) ? fallback : null, statsHtml: null, note: `wxt build failed (${tail || 'build log above'}); measured the previous .output/chrome-mv3 instead` };
  }
}

const SECTIONS = [
  { id: 'sizes', title: 'Bundle sizes (gzip -9)', needsExt: true, timeout: 120_000, run: sizesSection },
  { id: 'scan', title: 'Field scan on generated low-code forms (Chromium)', timeout: 240_000, run: fieldScanSection },
  { id: 'keystroke', title: 'Keystroke → hint updated (Chromium, real extension, demo portal)', needsExt: true, timeout: 180_000, run: keystrokeSection },
  { id: 'node', title: 'Node benches (vitest bench)', timeout: 300_000, run: nodeBenchSection },
  { id: 'staff', title: 'Staff page with 10,000 cases (Chromium, real extension)', needsExt: true, timeout: 600_000, run: staffSection },
  // opt-in: about ten minutes a year on this box; the limit grows with --years
  { id: 'sharing-browser', title: SHARING_BROWSER, optIn: true, needsExt: true, timeout: 3_600_000 * Math.max(1, Number(args.find((a) => a.startsWith('--years='))?.slice(8) ?? 1)), run: sharingBrowserSection },
];

const env = machine();
console.log(`Award Pilot benchmarks · ${env.date}\n${env.cpu} · ${env.cores} cores · ${env.memory} · ${env.browser} · Node ${env.node}\n`);
const built = build();
console.log(`build: ${built.note}${built.extDir ? ` → ${built.extDir}` : ''}\n`);

const results = [];
for (const s of SECTIONS) {
  if ((only && !only.includes(s.id)) || (s.optIn && !only)) continue;
  const t0 = Date.now();
  process.stdout.write(`▶ ${s.title} … `);
  let r;
  if (s.needsExt && !built.extDir) r = notMeasured(s.id, s.title, 'no built extension (wxt build failed)');
  else {
    try { r = await withTimeout(s.run({ root, extDir: built.extDir, demoExtDir: built.demoExtDir, statsHtml: built.statsHtml, args }), s.timeout, s.title); }
    catch (e) { r = notMeasured(s.id, s.title, String(e?.message ?? e).split('\n')[0]); }
  }
  r.title ??= s.title;
  r.seconds = (Date.now() - t0) / 1000;
  results.push(r);
  console.log(`${r.status}${r.why ? `: ${r.why}` : ''} (${r.seconds.toFixed(1)} s)`);
  for (const t of r.tables) console.log(`\n  ${t.caption}\n${textTable(t.head, t.rows, t.align).replace(/^/gm, '  ')}`);
  for (const n of r.notes) console.log(`  · ${n}`);
  console.log('');
}

const total = (Date.now() - started) / 1000;

/** Replace, in the existing BENCHMARKS.md, only the sections this run measured. */
function mergeSections(fresh) {
  const file = path.join(root, 'BENCHMARKS.md');
  if (!fs.existsSync(file)) return fresh;
  const split = (text) => { const [head, ...rest] = text.split(/^(?=## )/m); return { head, sections: rest }; };
  const old = split(fs.readFileSync(file, 'utf8'));
  const now = split(fresh).sections;
  const titleOf = (sec) => sec.split('\n', 1)[0];
  const stamp = `_Re-measured alone (\`npm run bench -- --only=${only.join(',')}\`) on ${env.date}, commit ${env.commit}, load ${env.loadStart} → ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${env.cores} cores; the machine table above is from the last full run._`;
  const stamped = (sec) => sec.replace(/\n\n/, `\n\n${stamp}\n\n`);
  const byTitle = new Map(now.map((sec) => [titleOf(sec), stamped(sec)]));
  const merged = old.sections.map((sec) => { const t = titleOf(sec); const n = byTitle.get(t); byTitle.delete(t); return n ?? sec; });
  return [old.head, ...merged, ...byTitle.values()].join('');
}

const md = [
  '# Benchmarks',
  '',
  'Generated by `npm run bench` (test/bench/run.mjs); do not edit by hand. Size budgets are enforced by',
  '`npm test` (test/bench/budgets.mjs, limits in test/bench/budgets.json); timing targets are reported here, never asserted.',
  '',
  mdTable(['machine', ''], [
    ['CPU', `${env.cpu} × ${env.cores} cores`], ['memory', env.memory], ['OS', env.os], ['browser', env.browser],
    ['Node', env.node], ['date', env.date], ['load average (1/5/15 min) at start → end', `${env.loadStart} → ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on the box makes timings noisier)`], ['commit', env.commit], ['build', built.note], ['bench wall time', `${total.toFixed(0)} s`],
  ]),
  '',
  ...results.flatMap((r) => [
    `## ${r.title}`,
    '',
    ...(r.status === 'not measured' ? [`Not measured: ${r.why}`, ''] : []),
    ...r.tables.flatMap((t) => [`**${t.caption}**`, '', mdTable(t.head, t.rows, t.align), '']),
    ...(r.notes.length ? [...r.notes.map((n) => `- ${n}`), ''] : []),
  ]),
].join('\n');
// With --only, the sections not run keep what the last full run wrote; each re-measured section says when and where.
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), only ? mergeSections(md) : md);
fs.mkdirSync(path.join(root, 'test/artifacts'), { recursive: true });
fs.writeFileSync(path.join(root, 'test/artifacts/bench.json'), JSON.stringify({ env, build: built.note, results }, null, 2));
const missing = results.filter((r) => r.status === 'not measured').map((r) => r.id);
console.log(`bench done in ${total.toFixed(0)} s · BENCHMARKS.md written${missing.length ? ` · not measured: ${missing.join(', ')}` : ''}`);
