// `npm run help:pictures`: copies the help pictures the surfaces e2e retook (test/artifacts/help/*.jpg)
// over the shipped ones (public/help/). Only on purpose, after looking at them: the e2e itself never
// rewrites a tracked file; it fails when a shipped picture no longer shows the UI.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fresh = path.join(root, 'test/artifacts/help');
const shipped = path.join(root, 'public/help');
const names = fs.existsSync(fresh) ? fs.readdirSync(fresh).filter((f) => f.endsWith('.jpg')) : [];
if (names.length === 0) {
  console.error('没有新截图：先运行 node test/e2e/run.mjs surfaces\nNo fresh help pictures in test/artifacts/help/: run node test/e2e/run.mjs surfaces first.');
  process.exit(1);
}
for (const name of names) {
  if (!fs.existsSync(path.join(shipped, name))) {
    console.error(`public/help/${name} is not a help picture the page uses; not copied.`);
    process.exit(1);
  }
}
for (const name of names) fs.copyFileSync(path.join(fresh, name), path.join(shipped, name));
console.log(`已更新 Updated ${names.map((n) => `public/help/${n}`).join(', ')}`);
