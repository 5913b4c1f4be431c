// The release packages (`npm run build`, `wxt zip`) ask for no local origin: no 127.0.0.1/localhost in
// host permissions or content-script matches (issue 15: any local service counted as the portal).
// Reads the unpacked release builds and every release zip in .output (not the demo build, not sources).
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const out = path.join(root, '.output');
const LOCAL = /127\.0\.0\.1|localhost|\[::1\]/;
const manifests = [];
const zipProblems = [];
for (const dir of ['chrome-mv3', 'firefox-mv2']) {
  const file = path.join(out, dir, 'manifest.json');
  if (fs.existsSync(file)) manifests.push([`${dir}/manifest.json`, fs.readFileSync(file, 'utf8')]);
}
for (const name of fs.existsSync(out) ? fs.readdirSync(out) : []) {
  if (!name.endsWith('.zip') || name.includes('-sources') || name.includes('-demo')) continue;
  const files = unzipSync(fs.readFileSync(path.join(out, name)), { filter: (f) => ['manifest.json', 'THIRD_PARTY_NOTICES.txt', 'LICENSE.txt'].includes(f.name) });
  if (files['manifest.json']) manifests.push([`${name}!manifest.json`, strFromU8(files['manifest.json'])]);
  // the licences ship inside the package (issue 15): ours, and elkjs's EPL-2.0 with the rest
  const notices = files['THIRD_PARTY_NOTICES.txt'] ? strFromU8(files['THIRD_PARTY_NOTICES.txt']) : '';
  if (!/elkjs [\d.]+\nLicense: EPL-2\.0/.test(notices) || !notices.includes('Eclipse Public License')) zipProblems.push(`${name}: THIRD_PARTY_NOTICES.txt missing or without elkjs EPL-2.0`);
  if (!files['LICENSE.txt'] || !strFromU8(files['LICENSE.txt']).includes('MIT License')) zipProblems.push(`${name}: LICENSE.txt missing`);
}
const problems = [...zipProblems];
for (const [where, text] of manifests) {
  const m = JSON.parse(text);
  const hosts = [...(m.host_permissions ?? []), ...(m.permissions ?? []).filter((p) => p.includes('://'))];
  const matches = (m.content_scripts ?? []).flatMap((cs) => cs.matches ?? []);
  for (const origin of [...hosts, ...matches]) if (LOCAL.test(origin)) problems.push(`${where}: ${origin}`);
  if (LOCAL.test(text)) problems.push(`${where}: mentions a local origin`);
}
if (manifests.length === 0) problems.push('no release build or zip found in .output (run npm run build / npm run zip)');
for (const [where] of manifests) console.log(`checked ${where}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`release manifests: ${manifests.length} checked, no local origins`);
