// Plain Chromium (no extension) and a loopback server for generated pages.
import http from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../e2e/harness.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchPlain({ exposeGc = false } = {}) {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...(exposeGc ? ['--js-flags=--expose-gc'] : [])] });
}

/** Serves a map of path → {type, body} on 127.0.0.1 (real navigations, real HTML parsing). */
export function serve(files) {
  const server = http.createServer((req, res) => {
    const f = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!f) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' }).end(f.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
  }));
}
