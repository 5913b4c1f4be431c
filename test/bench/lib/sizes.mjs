// Sizes of a built extension, measured the way a user's browser pays for them: gzip -9 bytes of
// what each surface loads up front (entry chunk + its static imports), lazy chunks counted apart.
// Entries are discovered from manifest.json and the HTML pages, so renamed chunks need no edits here.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const KiB = 1024;
export const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\s]+\.m?js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`\s]+\.m?js)["'`]\s*\)/g;
// Vite's preload helper lists lazy deps as strings in __vite__mapDeps(["chunks/a.js", …]).
const MAP_DEPS = /__vite__mapDeps\s*=[^;]*?\[((?:\s*["'][^"']+["']\s*,?)+)\]/g;

function resolveSpec(root, fromFile, spec) {
  if (/^[a-z]+:/i.test(spec)) return null; // chrome-extension://, https:// …
  const abs = spec.startsWith('/') ? path.join(root, spec) : path.resolve(path.dirname(fromFile), spec);
  return fs.existsSync(abs) && abs.startsWith(root) ? abs : null;
}

/** Static and dynamic imports of one built chunk, resolved to files inside the build. */
export function importsOf(root, file) {
  const code = fs.readFileSync(file, 'utf8');
  const stat = new Set();
  const dyn = new Set();
  for (const m of code.matchAll(STATIC_IMPORT)) { const r = resolveSpec(root, file, m[1]); if (r) stat.add(r); }
  for (const m of code.matchAll(DYNAMIC_IMPORT)) { const r = resolveSpec(root, file, m[1]); if (r) dyn.add(r); }
  for (const m of code.matchAll(MAP_DEPS)) {
    for (const s of m[1].matchAll(/["']([^"']+)["']/g)) {
      const r = resolveSpec(root, path.join(root, 'x'), s[1].startsWith('/') ? s[1] : `/${s[1]}`);
      if (r && /\.(m?js|css)$/.test(r)) dyn.add(r);
    }
  }
  for (const s of stat) dyn.delete(s);
  return { static: [...stat], dynamic: [...dyn] };
}

/** Initial = the entries and everything they import statically; lazy = reachable only through import(). */
export function closure(root, entries) {
  const initial = new Set();
  const stack = [...entries];
  const dynamicSeeds = new Set();
  while (stack.length) {
    const f = stack.pop();
    if (initial.has(f)) continue;
    initial.add(f);
    const imp = importsOf(root, f);
    stack.push(...imp.static);
    imp.dynamic.forEach((d) => dynamicSeeds.add(d));
  }
  const lazy = new Set();
  const lstack = [...dynamicSeeds].filter((d) => !initial.has(d));
  while (lstack.length) {
    const f = lstack.pop();
    if (initial.has(f) || lazy.has(f)) continue;
    lazy.add(f);
    if (f.endsWith('.css')) continue;
    const imp = importsOf(root, f);
    lstack.push(...imp.static, ...imp.dynamic);
  }
  return { initial: [...initial], lazy: [...lazy] };
}

/** Script, modulepreload and stylesheet references of a built HTML page. */
export function htmlRefs(root, htmlFile) {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
  const scripts = [];
  const preloads = [];
  const styles = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) { const src = attr(tag, 'src'); if (src) scripts.push(src); }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    else if (rel === 'stylesheet') styles.push(href);
  }
  const res = (list) => list.map((s) => resolveSpec(root, htmlFile, s)).filter(Boolean);
  return { scripts: res(scripts), preloads: res(preloads), styles: res(styles) };
}

function fileStats(root, files) {
  const list = [...new Set(files)].map((f) => {
    const buf = fs.readFileSync(f);
    return { file: path.relative(root, f), raw: buf.length, gz: gzipSize(buf) };
  }).sort((a, b) => b.gz - a.gz);
  return { files: list, raw: list.reduce((s, f) => s + f.raw, 0), gz: list.reduce((s, f) => s + f.gz, 0) };
}

function page(root, id, label, htmlRel) {
  const htmlFile = path.join(root, htmlRel);
  if (!fs.existsSync(htmlFile)) return null;
  const refs = htmlRefs(root, htmlFile);
  const { initial, lazy } = closure(root, [...refs.scripts, ...refs.preloads]);
  // Lazy CSS: stylesheets that Vite emits for lazy chunks are not in the HTML; count them with lazy.
  return {
    id, label, html: htmlRel,
    js: fileStats(root, initial),
    css: fileStats(root, refs.styles),
    lazy: fileStats(root, lazy),
    preloadsMissingFromHtml: initial.filter((f) => !refs.scripts.includes(f) && !refs.preloads.includes(f)).map((f) => path.relative(root, f)),
  };
}

/** Measures every surface of a built extension directory (e.g. .output/chrome-mv3). */
export function measureBuild(root) {
  root = path.resolve(root);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const surfaces = [];

  const csDir = path.join(root, 'content-scripts');
  const declared = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((f) => path.join(root, f));
  // A release build declares no content script: it registers content-scripts/*.js at run time for the
  // granted portals (scripting), so those files are what ships to every portal page.
  const csJs = declared.length ? declared : fs.existsSync(csDir) ? fs.readdirSync(csDir).filter((f) => f.endsWith('.js')).map((f) => path.join(csDir, f)) : [];
  const csCssListed = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []).map((f) => path.join(root, f));
  // WXT's cssInjectionMode 'ui' ships the CSS as a web-accessible file loaded into the shadow root.
  const csCssShadow = fs.existsSync(csDir) ? fs.readdirSync(csDir).filter((f) => f.endsWith('.css')).map((f) => path.join(csDir, f)) : [];
  if (csJs.length) {
    const { initial, lazy } = closure(root, csJs);
    // Scripts at the top of the package that the manifest does not name (WXT unlisted scripts, e.g. the
    // prefill driver) are injected into the portal page on demand: the content script's lazy part.
    const named = new Set([...(manifest.background?.scripts ?? []), manifest.background?.service_worker].filter(Boolean).map((f) => path.join(root, f)));
    const injected = fs.readdirSync(root).filter((f) => f.endsWith('.js')).map((f) => path.join(root, f)).filter((f) => !named.has(f) && !initial.includes(f));
    surfaces.push({ id: 'content', label: 'content script', js: fileStats(root, initial), css: fileStats(root, [...csCssListed, ...csCssShadow]), lazy: fileStats(root, [...lazy, ...injected]) });
  }

  const sw = manifest.background?.service_worker ?? null;
  const bgScripts = sw ? [sw] : (manifest.background?.scripts ?? []);
  if (bgScripts.length) {
    const { initial, lazy } = closure(root, bgScripts.map((f) => path.join(root, f)));
    surfaces.push({ id: 'background', label: 'background', js: fileStats(root, initial), css: fileStats(root, []), lazy: fileStats(root, lazy) });
  }

  const pages = [
    ['sidepanel', 'side panel', manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel ?? 'sidepanel.html'],
    ['dashboard', 'staff page', 'dashboard.html'],
    ['options', 'options page', manifest.options_ui?.page ?? manifest.options_page ?? 'options.html'],
  ];
  for (const [id, label, rel] of pages) { const p = page(root, id, label, rel); if (p) surfaces.push(p); }
  // Any other HTML page the build ships (popup, unlisted pages) is reported too.
  const known = new Set(pages.map((p) => p[2]));
  for (const f of fs.readdirSync(root).filter((f) => f.endsWith('.html') && !known.has(f))) {
    const p = page(root, f.replace(/\.html$/, ''), f, f);
    if (p) surfaces.push(p);
  }

  const all = [];
  (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else all.push(p); } })(root);
  const total = fileStats(root, all);
  return { root, manifestVersion: manifest.manifest_version, surfaces, total };
}

export const kib = (bytes) => (bytes / KiB).toFixed(1);
