// Firefox end-to-end tests: runs every test/e2e-firefox/*.fx.mjs against the built firefox-mv2
// package (FIREFOX_EXT_PATH, default .output/firefox-mv2; this runner builds nothing) in Debian's
// headless firefox-esr. Each file exports `tests = [{ name, run(env) }]` with
// env = { browser, extUrl(path), uuid, geckoId, installedId, manifest, portal: { url } }, one
// browser and one demo portal per file. `node test/e2e-firefox/run.mjs <substring>` runs matching files.
// Prints `firefox-e2e: N passed, N failed` and writes test/artifacts/firefox-e2e-result.json.
import fs from 'node:fs';
import path from 'node:path';
import { startPortal } from '../portal/server.mjs';
import { ARTIFACTS, EXT_PATH, ROOT, firefoxPath, launchFirefox } from './harness.mjs';
import { changedSince, snapshot } from '../tools/tree-changes.mjs';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const started = Date.now();
let passed = 0;
let failed = 0;
const failures = [];

const treeBefore = snapshot(ROOT);
function finish() {
  // Nothing a Firefox e2e writes may land in the git tree (see test/tools/tree-changes.mjs).
  const dirtied = changedSince(treeBefore, snapshot(ROOT));
  if (dirtied.length) {
    failed++;
    failures.push(`the run changed files in the git tree: ${dirtied.join(', ')}`);
    console.log(`  ✗ the git tree is left as found\n    changed by this run: ${dirtied.join(', ')}`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'firefox-e2e-result.json'), JSON.stringify({ passed, failed, failures }, null, 2));
  console.log(`firefox-e2e: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
}

if (!firefoxPath()) {
  console.error(`firefox-e2e: ${process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'} is missing. Install Firefox ESR with \`apt-get install -y firefox-esr\` (Debian), or set FIREFOX_PATH.`);
  failed = 1;
  failures.push('firefox-esr not installed');
  finish();
}
if (!fs.existsSync(path.join(EXT_PATH, 'manifest.json'))) {
  console.error(`firefox-e2e: no built extension at ${EXT_PATH}. Run \`npx wxt build -b firefox --mode demo\` first (or set FIREFOX_EXT_PATH).`);
  failed = 1;
  failures.push(`no build at ${EXT_PATH}`);
  finish();
}

// A hung browser must not hang `npm test`: each test gets at most this long.
const TEST_TIMEOUT_MS = 90_000;
function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${name}: no result after ${ms / 1000} s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.fx.mjs') && (!only || f.includes(only))).sort();
for (const file of files) {
  const mod = await import(path.join(dir, file));
  const portal = await startPortal();
  let env = null;
  try {
    const t0 = Date.now();
    env = { ...(await withTimeout(launchFirefox(), TEST_TIMEOUT_MS, 'launching firefox-esr')), portal };
    console.log(`  firefox-esr started, add-on ${env.installedId} installed at moz-extension://${env.uuid}/ (${Date.now() - t0} ms)`);
    for (const t of mod.tests) {
      const t1 = Date.now();
      try {
        await withTimeout(t.run(env), TEST_TIMEOUT_MS, t.name);
        passed++;
        console.log(`  ✓ ${file} › ${t.name} (${Date.now() - t1} ms)`);
      } catch (err) {
        failed++;
        failures.push(`${file} › ${t.name}: ${err?.stack ?? err}`);
        console.log(`  ✗ ${file} › ${t.name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
      }
    }
  } catch (err) {
    failed++;
    failures.push(`${file}: could not start Firefox with the extension: ${err?.stack ?? err}`);
    console.log(`  ✗ ${file}: could not start Firefox with the extension\n    ${String(err?.message ?? err)}`);
  } finally {
    await env?.browser.close().catch(() => undefined);
    await portal.close();
  }
}
if (!files.length) {
  failed++;
  failures.push(`no test/e2e-firefox/*.fx.mjs matched ${only ?? ''}`);
}
finish();
