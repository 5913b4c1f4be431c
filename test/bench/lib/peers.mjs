// Peer guidance libraries measured the way our own entries are: the package's main ESM entry bundled
// by rolldown (the bundler inside Vite 8, which WXT uses) with minification, then gzip -9. Every
// export is kept (the entry is the input, nothing is tree-shaken away), as a consumer importing the
// whole API would ship. Their stylesheet is reported beside it, as our content script's CSS is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSize } from './sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(root, 'package.json'));

export const PEERS = [
  { name: 'driver.js', css: 'dist/driver.css' },
  { name: 'shepherd.js', css: 'dist/css/shepherd.css' },
  { name: 'intro.js', css: 'introjs.css' },
];

function pkgDir(name) {
  // Some packages do not export ./package.json; walk up from the resolved main file instead.
  let d = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(d, 'package.json')) || JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')).name !== name) {
    const up = path.dirname(d);
    if (up === d) throw new Error(`package.json of ${name} not found`);
    d = up;
  }
  return d;
}

function esmEntry(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const dot = pkg.exports?.['.'];
  const fromExports = typeof dot === 'string' ? dot : dot?.import?.default ?? dot?.import ?? dot?.default;
  const rel = (typeof fromExports === 'string' && fromExports) || pkg.module || pkg.main;
  return { file: path.join(dir, rel), version: pkg.version };
}

export async function measurePeers() {
  const { build } = await import('rolldown');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-peers-'));
  const results = [];
  try {
    for (const peer of PEERS) {
      try {
        const dir = pkgDir(peer.name);
        const { file, version } = esmEntry(dir);
        const outFile = path.join(out, `${peer.name}.mjs`);
        await build({
          input: file,
          logLevel: 'silent',
          platform: 'browser',
          output: { file: outFile, format: 'esm', minify: true, codeSplitting: false },
        });
        const js = fs.readFileSync(outFile);
        const cssFile = path.join(dir, peer.css);
        const css = fs.existsSync(cssFile) ? fs.readFileSync(cssFile) : null;
        results.push({
          name: peer.name, version, entry: path.relative(dir, file),
          jsRaw: js.length, jsGz: gzipSize(js),
          cssRaw: css?.length ?? null, cssGz: css ? gzipSize(css) : null,
        });
      } catch (e) {
        results.push({ name: peer.name, error: String(e?.message ?? e).split('\n')[0] });
      }
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  return results;
}
