// `npm run release`: the packages a store takes, from the normal production builds (`wxt zip`), into
// .output/release/: one zip for the Chrome Web Store and Edge Add-ons (the same MV3 package), the
// Firefox package for AMO and its sources zip (AMO asks for sources of bundled code). The version is
// package.json's. The Firefox package must pass `web-ext lint` with warnings as errors.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { run } from '../test/tools/plain-output.mjs';
import { notSources } from './sources-zip.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, '.output');
const dest = path.join(out, 'release');
const bin = (b) => path.join(root, 'node_modules/.bin', b);

async function step(label, cmd, args) {
  console.log(`▶ ${label}`);
  const status = await run(cmd, args, { cwd: root });
  if (status !== 0) {
    console.error(`发布失败 Release failed at: ${label}`);
    process.exit(status);
  }
}

fs.rmSync(dest, { recursive: true, force: true });
fs.mkdirSync(dest, { recursive: true });
await step('Chrome / Edge package (wxt zip)', bin('wxt'), ['zip']);
await step('Firefox package + sources (wxt zip -b firefox)', bin('wxt'), ['zip', '-b', 'firefox']);

const packages = [
  { from: `${name}-${version}-chrome.zip`, to: `${name}-${version}-chrome-edge.zip`, for: 'Chrome Web Store, Microsoft Edge Add-ons' },
  { from: `${name}-${version}-firefox.zip`, to: `${name}-${version}-firefox.zip`, for: 'addons.mozilla.org (AMO)' },
  { from: `${name}-${version}-sources.zip`, to: `${name}-${version}-sources.zip`, for: 'AMO source code review' },
];
for (const p of packages) {
  const src = path.join(out, p.from);
  if (!fs.existsSync(src)) {
    console.error(`缺少 Missing ${p.from} after wxt zip`);
    process.exit(1);
  }
  fs.copyFileSync(src, path.join(dest, p.to));
}
await step('web-ext lint (Firefox package)', bin('web-ext'), ['lint', '-s', path.join(dest, `${name}-${version}-firefox.zip`), '--no-input', '--warnings-as-errors']);

// The sources zip holds sources only (no test artefacts, builds or logs) and builds: it has package.json and the config.
const sourceNames = [];
unzipSync(fs.readFileSync(path.join(dest, packages[2].to)), { filter: (f) => { sourceNames.push(f.name); return false; } });
const stray = notSources(root, sourceNames);
if (stray.length) {
  console.error(`源码包含非源码文件 The sources zip holds ${stray.length} files that are not sources:\n  ${stray.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}
for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'LICENSE']) {
  if (!sourceNames.includes(needed)) {
    console.error(`源码包缺少 The sources zip lacks ${needed}`);
    process.exit(1);
  }
}

const manifestVersion = JSON.parse(execFileSync('unzip', ['-p', path.join(dest, packages[0].to), 'manifest.json'], { encoding: 'utf8' })).version;
if (manifestVersion !== version) {
  console.error(`版本不一致 manifest version ${manifestVersion} ≠ package.json ${version}`);
  process.exit(1);
}
console.log(`\n发布包 Release ${version} → ${path.relative(root, dest)}/`);
console.log(`  sources zip: ${sourceNames.length} files, none ignored by git`);
for (const p of packages) console.log(`  ${p.to}  (${(fs.statSync(path.join(dest, p.to)).size / 1024).toFixed(0)} KiB) — ${p.for}`);
console.log('  商店文案 Store listing texts: store/listing.zh-CN.md, store/listing.en.md; screenshots: test/artifacts/screenshots/store-*.png (npm run test:e2e)');
