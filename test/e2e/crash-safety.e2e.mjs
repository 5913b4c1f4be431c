// Crash safety: what the user typed (autosave, relaxed durability) and what was imported (strict)
// survive a hard kill of the browser (SIGKILL: no shutdown, no flush), with the same profile.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension, screenshot, eventually, assert, assertEqual, ROOT } from './harness.mjs';

export const standalone = true;

/** Every process of the Chromium we launched: the browser and its children share our profile dir. */
function chromiumPids(userDataDir) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m) => m && m[2].includes(`--user-data-dir=${userDataDir}`))
    .map((m) => ({ pid: Number(m[1]), browser: !m[2].includes('--type=') }));
}

async function killHard(context, userDataDir) {
  const procs = chromiumPids(userDataDir);
  const main = procs.find((p) => p.browser);
  assert(main, `found the Chromium browser process for ${userDataDir}`);
  process.kill(main.pid, 'SIGKILL');
  for (const p of procs) if (p.pid !== main.pid) try { process.kill(p.pid, 'SIGKILL'); } catch { /* already gone */ }
  await eventually(() => chromiumPids(userDataDir).length === 0, { timeout: 10_000, message: 'every Chromium process of the profile gone' });
  await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
}

async function openSelfEvaluationProfile(context, extUrl) {
  const page = await context.newPage();
  await page.goto(extUrl('sidepanel.html'));
  await page.click('#tab-self-evaluation');
  await page.waitForSelector('[data-testid="view-profile"]', { timeout: 10_000 });
  await page.click('[data-testid="view-profile"]');
  await page.waitForSelector('[data-testid="profile-description"]');
  return page;
}

const typed = '我单位坚持“质量第一”，2025 年顾客满意度 96.3%。Crash-safe text ' + Date.now();

export const tests = [
  {
    name: 'typed self-evaluation text and an imported backup survive SIGKILL of the browser',
    async run() {
      const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-crash-'));
      // ---- first life: type (autosave on input, relaxed) and import a backup (strict) ----
      let { context, extUrl } = await launchWithExtension({ userDataDir });
      const options = await context.newPage();
      await options.goto(extUrl('options.html'));
      await options.setInputFiles('[data-testid="backup-file"]', path.join(ROOT, 'test/fixtures/storage/v1.json'));
      await options.waitForSelector('[data-testid="backup-preview"]');
      await screenshot(options, 'backup-import-preview');
      await options.click('[data-testid="backup-confirm"]');
      await eventually(async () => (await options.textContent('[data-testid="backup-status"]'))?.includes('已导入 17 条记录'), { message: 'import done' });

      const panel = await openSelfEvaluationProfile(context, extUrl);
      const box = panel.locator('[data-testid="profile-description"]');
      await box.click();
      await box.pressSequentially(typed, { delay: 2 });
      // no blur: only the keystroke autosave has run
      await eventually(async () => (await panel.getAttribute('[data-testid="save-state"]', 'data-state')) === 'saved', { message: 'autosave finished' });
      await killHard(context, userDataDir);

      // ---- second life: same profile ----
      ({ context, extUrl } = await launchWithExtension({ userDataDir }));
      try {
        const again = await openSelfEvaluationProfile(context, extUrl);
        await eventually(async () => (await again.inputValue('[data-testid="profile-description"]')) === typed, { message: 'typed text restored after the crash' });
        await screenshot(again, 'crash-safety-after-relaunch');
        const counts = await again.evaluate(async () => {
          const open = indexedDB.open('award-pilot');
          const db = await new Promise((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
          const count = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).count(); r.onsuccess = () => resolve(r.result); });
          const result = { cases: await count('cases'), caseEvents: await count('caseEvents'), version: db.version };
          db.close();
          return result;
        });
        assertEqual(counts.cases, 3, 'imported cases after the crash');
        assertEqual(counts.caseEvents, 5, 'imported case events after the crash');
      } finally {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  },
];
