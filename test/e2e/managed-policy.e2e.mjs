// Managed deployment: an office's IT presets the extension by browser policy. This writes a real
// Chromium policy file (/etc/chromium/policies/managed/, the place Debian's Chromium reads; tests run
// as root) with the extension's "3rdparty" policy, starts Chromium and finds the preset applied by
// the background (src/messaging/managed-policy.ts). The policy names only this run's copy of the
// extension (its own id), and the file is removed afterwards.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXT_PATH, assert, eventually, launchWithExtension } from './harness.mjs';

export const standalone = true;
const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id of an unpacked extension: sha256 of its absolute path, first 32 hex digits as a–p. */
function unpackedExtensionId(dir) {
  const hex = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export const tests = [
  {
    name: 'a 3rdparty policy for the extension presets portal sites, award and locks; the background applies it at start-up',
    async run() {
      const ext = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-managed-ext-')));
      fs.cpSync(EXT_PATH, ext, { recursive: true });
      const id = unpackedExtensionId(ext);
      const policyFile = path.join(POLICY_DIR, `award-pilot-e2e-${id}.json`);
      const preset = { portalSites: ['jszwfw'], award: 'lianyungang-2021', lockedSettings: ['portalSites'] };
      let browser;
      try {
        fs.mkdirSync(POLICY_DIR, { recursive: true });
        fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: preset } } }));
        browser = await launchWithExtension({ extPath: ext });
        assert(browser.extId === id, `the extension id is the one the policy names: ${browser.extId} vs ${id}`);
        const managed = await eventually(() => browser.sw.evaluate(() => chrome.storage.managed.get(null)).then((m) => (Object.keys(m).length ? m : null)), { message: 'Chromium hands the policy to storage.managed' });
        assert(JSON.stringify(managed.portalSites) === '["jszwfw"]', `storage.managed: ${JSON.stringify(managed)}`);
        const applied = await eventually(() => browser.sw.evaluate(() => chrome.storage.local.get('managedPolicy').then((r) => r.managedPolicy ?? null)), { message: 'the preset applied to storage.local' });
        assert(JSON.stringify(applied.portalSites) === '["jszwfw"]' && applied.award === 'lianyungang-2021' && applied.lockedSettings.join() === 'portalSites', `applied preset: ${JSON.stringify(applied)}`);
        assert(applied.problems.length === 0, `no problems: ${applied.problems}`);
      } finally {
        await browser?.context.close();
        if (browser) fs.rmSync(browser.userDataDir, { recursive: true, force: true });
        fs.rmSync(policyFile, { force: true });
        fs.rmSync(ext, { recursive: true, force: true });
      }
    },
  },
];
