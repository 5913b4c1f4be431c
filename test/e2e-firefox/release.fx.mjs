// The AMO package (`npm run release` → .output/release/*-firefox.zip) installs in Firefox ESR as
// shipped: unzipped into a fresh temp dir and installed as an add-on; its manifest is the release's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assert, launchFirefox } from './harness.mjs';

const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ZIP = path.join(ROOT, '.output/release', `${name}-${version}-firefox.zip`);

export const tests = [
  {
    name: 'the Firefox release package installs and carries the release version, icons and _locales',
    async run() {
      assert(fs.existsSync(ZIP), `no release package at ${path.relative(ROOT, ZIP)}: run npm run release`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-fx-release-'));
      let env;
      try {
        execFileSync('unzip', ['-q', ZIP, '-d', dir]);
        env = await launchFirefox({ extPath: dir });
        assert(env.installedId === 'award-pilot@lyg-quality.invalid', `installed as the AMO id: ${env.installedId}`);
        assert(env.manifest.version === version, `version ${env.manifest.version} is package.json's ${version}`);
        assert(env.manifest.icons?.['128'] === 'icon/128.png', `icons in the manifest: ${JSON.stringify(env.manifest.icons)}`);
        assert(fs.existsSync(path.join(dir, '_locales/zh_CN/messages.json')) && env.manifest.default_locale === 'zh_CN', 'zh_CN locale shipped');
      } finally {
        await env?.browser.close().catch(() => undefined);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
