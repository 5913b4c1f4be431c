// The demo portal: a stand-in for the government online-service portal, served on 127.0.0.1.
// Static pages under test/portal/public; no network beyond loopback.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, 'public');
const modules = path.join(here, '../../node_modules');
const vue2Kit = path.join(here, 'vue2-kit/node_modules');
// The component libraries' own dist files (devDependencies), for the real-library fixtures under
// /app/apply/lib/. Only these folders are served; Element UI lives beside its Vue 2 in vue2-kit.
const VENDOR = {
  vue: path.join(modules, 'vue/dist'),
  'element-plus': path.join(modules, 'element-plus/dist'),
  'ant-design-vue': path.join(modules, 'ant-design-vue/dist'),
  react: path.join(modules, 'react/umd'),
  'react-dom': path.join(modules, 'react-dom/umd'),
  antd: path.join(modules, 'antd/dist'),
  dayjs: path.join(modules, 'dayjs'),
  vue2: path.join(vue2Kit, 'vue/dist'),
  'element-ui': path.join(vue2Kit, 'element-ui/lib'),
};
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

export function startPortal({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    if (rel === '/vendor/formily.js') return formilyBundle().then((js) => res.writeHead(200, { 'content-type': types['.js'] }).end(js), (e) => res.writeHead(500).end(String(e)));
    const vendor = /^\/vendor\/([\w-]+)\/(.+)$/.exec(rel);
    if (vendor && Object.hasOwn(VENDOR, vendor[1])) return sendFile(res, VENDOR[vendor[1]], vendor[2]);
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) {
        // The portal is a single-page app: unknown paths under /app/ get its shell.
        if (rel.startsWith('/app/')) return fs.readFile(path.join(root, 'app/index.html'), (e2, shell) => e2 ? res.writeHead(404).end('not found') : res.writeHead(200, { 'content-type': types['.html'] }).end(shell));
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}`, port: p, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function sendFile(res, base, rel) {
  const file = path.normalize(path.join(base, rel));
  if (!file.startsWith(base + path.sep)) return res.writeHead(403).end();
  fs.readFile(file, (err, body) => err ? res.writeHead(404).end('not found')
    : res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' }).end(body));
}

// Formily's antd binding ships no browser build: bundle the fixture's entry once per server, in memory
// (esbuild, the bundler vite already brings), never written to the repository.
let formily = null;
function formilyBundle() {
  formily ??= import('esbuild').then(({ build }) => build({
    entryPoints: [path.join(here, 'formily/entry.jsx')], bundle: true, write: false, format: 'iife', minify: true,
    define: { 'process.env.NODE_ENV': '"production"' }, jsx: 'automatic', jsxImportSource: 'react', tsconfigRaw: {}, logLevel: 'silent', nodePaths: [modules],
    // the fixtures' shared modules import the portal's own files by their URL path
    plugins: [{ name: 'portal-paths', setup: (b) => b.onResolve({ filter: /^\/app\// }, (a) => ({ path: path.join(root, a.path) })) }],
  })).then((r) => r.outputFiles[0].text);
  formily.catch(() => { formily = null; });
  return formily;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const portal = await startPortal({ port: Number(process.env.PORT ?? 5175) });
  console.log(`demo portal: ${portal.url}/`);
}
