// Runs every test/e2e/*.e2e.mjs file. Each exports `tests`: [{ name, run(env) }], where env is
// { context, extId, extUrl, sw, portal, userDataDir } with one browser and one portal per file.
// Files may instead export `standalone = true` and manage their own browser (crash tests).
import fs from 'node:fs';
import path from 'node:path';
import { launchWithExtension, withPortal, ARTIFACTS, ROOT } from './harness.mjs';
import { changedSince, snapshot } from '../tools/tree-changes.mjs';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only))).sort();
let passed = 0;
let failed = 0;
const failures = [];
if (files.length === 0) {
  // A misspelt name must not pass by running nothing.
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.mjs')).map((f) => f.replace('.e2e.mjs', ''));
  console.error(`没有与“${only ?? ''}”匹配的端到端测试文件 No test/e2e/*.e2e.mjs matches "${only ?? ''}". Names: ${names.join(', ')}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'e2e-result.json'), JSON.stringify({ passed: 0, failed: 1, failures: [`no e2e file matched ${only ?? ''}`] }, null, 2));
  process.exit(1);
}

const treeBefore = snapshot(ROOT);
for (const file of files) {
  const mod = await import(path.join(dir, file));
  await withPortal(async (portal) => {
    let env = { portal };
    if (!mod.standalone) env = { ...env, ...(await launchWithExtension()) };
    try {
      for (const t of mod.tests) {
        const started = Date.now();
        try {
          await t.run(env);
          passed++;
          console.log(`  ✓ ${file} › ${t.name} (${Date.now() - started} ms)`);
        } catch (err) {
          failed++;
          failures.push(`${file} › ${t.name}: ${err?.stack ?? err}`);
          console.log(`  ✗ ${file} › ${t.name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}`);
        }
      }
    } finally {
      await env.context?.close();
      // profiles made by launchWithExtension are throwaway: leave no trace in /tmp
      if (env.userDataDir) fs.rmSync(env.userDataDir, { recursive: true, force: true });
    }
  });
}

// Nothing an e2e writes may land in the git tree (pictures, downloads, profiles go to test/artifacts/ or a temp dir).
const dirtied = changedSince(treeBefore, snapshot(ROOT));
if (dirtied.length) {
  failed++;
  failures.push(`the run changed files in the git tree: ${dirtied.join(', ')}`);
  console.log(`  ✗ the git tree is left as found\n    changed by this run: ${dirtied.join(', ')}`);
}
fs.mkdirSync(ARTIFACTS, { recursive: true });
fs.writeFileSync(path.join(ARTIFACTS, 'e2e-result.json'), JSON.stringify({ passed, failed, failures }, null, 2));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
