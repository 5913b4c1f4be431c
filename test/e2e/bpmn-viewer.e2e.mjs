// The BPMN export (src/export/bpmn.ts) as bpmn-js, the viewer most BPMN tools embed, draws it in
// Chromium: it imports with no warnings, and on the drawn diagram no two labels overlap and no label
// sits on a shape or under a flow line (measured from the rendered SVG's boxes, with the fonts the browser really used,
// not from the file's own label bounds). The screenshot is written to be looked at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { ROOT, SCREENSHOTS, assert, assertEqual, chromiumPath } from './harness.mjs';

export const standalone = true;

const ORIGIN = 'http://bpmn-viewer.invalid';

/** The product's BPMN, made by the product's own exporter (bundled for Node from the TypeScript source). */
async function lifecycleBpmn() {
  const out = await build({
    entryPoints: [path.join(ROOT, 'src/export/lifecycle.ts')], bundle: true, write: false, format: 'esm', platform: 'node',
    logLevel: 'silent', nodePaths: [path.join(ROOT, 'node_modules')],
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.exportLifecycle('bpmn');
}

const dist = path.join(ROOT, 'node_modules/bpmn-js/dist');

export const tests = [
  {
    name: 'bpmn-js draws the lifecycle: 0 import warnings, 0 overlapping label pairs, 0 labels on shapes or crossed by a line',
    async run() {
      const xml = await lifecycleBpmn();
      const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'] });
      try {
        const context = await browser.newContext({ viewport: { width: 1800, height: 1100 }, locale: 'zh-CN' });
        const css = ['diagram-js.css', 'bpmn-js.css'].map((f) => fs.readFileSync(path.join(dist, 'assets', f), 'utf8')).join('\n');
        await context.route(`${ORIGIN}/**`, (route) => {
          const url = new URL(route.request().url());
          if (url.pathname === '/viewer.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(dist, 'bpmn-viewer.production.min.js'), 'utf8') });
          return route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>bpmn</title><style>${css} html,body,#canvas{margin:0;height:100%} .djs-label{font-family:"WenQuanYi Micro Hei",sans-serif}</style><div id="canvas"></div><script src="/viewer.js"></script>`,
          });
        });
        const page = await context.newPage();
        const problems = [];
        page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
        page.on('pageerror', (e) => problems.push(String(e)));
        await page.goto(`${ORIGIN}/`);
        const imported = await page.evaluate(async (text) => {
          const viewer = new window.BpmnJS({ container: '#canvas' });
          window.viewer = viewer;
          const { warnings } = await viewer.importXML(text);
          viewer.get('canvas').zoom('fit-viewport');
          const registry = viewer.get('elementRegistry');
          const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
          // every visible label's drawn text, and every flow node's drawn shape
          const labels = [];
          const shapes = [];
          for (const e of registry.getAll()) {
            const gfx = registry.getGraphics(e);
            if (!gfx) continue;
            if (e.type === 'label') {
              const text = gfx.querySelector('text');
              if (text && text.textContent.trim()) labels.push({ id: e.businessObject.id, text: text.textContent.trim(), ...box(text) });
            } else if (!e.waypoints && e.type !== 'bpmn:Process' && e.type !== 'bpmn:Collaboration' && !e.labelTarget) {
              const visual = gfx.querySelector('.djs-visual');
              const inner = visual?.querySelector('text');
              if (inner?.textContent.trim()) labels.push({ id: `${e.id} (inside)`, text: inner.textContent.trim(), ...box(inner), inside: e.id });
              shapes.push({ id: e.id, ...box(visual.firstElementChild ?? visual) });
            }
          }
          // labels crossed by a sequence flow's line, in diagram coordinates (text box within its label element)
          const crossed = [];
          const flows = registry.getAll().filter((e) => e.waypoints);
          for (const e of registry.getAll()) {
            if (e.type !== 'label') continue;
            const text = registry.getGraphics(e)?.querySelector('text');
            if (!text || !text.textContent.trim()) continue;
            const b = text.getBBox();
            const x0 = e.x + b.x, y0 = e.y + b.y, x1 = x0 + b.width, y1 = y0 + b.height;
            for (const f of flows) {
              if (f === e.labelTarget) continue;
              for (let i = 0; i + 1 < f.waypoints.length; i++) {
                const p = f.waypoints[i], q = f.waypoints[i + 1];
                const hits = p.x === q.x
                  ? p.x > x0 + 1 && p.x < x1 - 1 && Math.max(p.y, q.y) > y0 + 1 && Math.min(p.y, q.y) < y1 - 1
                  : p.y === q.y && p.y > y0 + 1 && p.y < y1 - 1 && Math.max(p.x, q.x) > x0 + 1 && Math.min(p.x, q.x) < x1 - 1;
                if (hits) { crossed.push(`${text.textContent.trim()} × ${f.id}`); break; }
              }
            }
          }
          return { warnings: warnings.map((w) => String(w.message ?? w)), labels, shapes, crossed };
        }, xml);
        assertEqual(imported.warnings.length, 0, `bpmn-js import warnings: ${imported.warnings.join('; ')}`);
        assert(imported.labels.length >= 30 && imported.shapes.length >= 20, `drawn: ${imported.labels.length} labels, ${imported.shapes.length} shapes`);
        const overlap = (a, b, pad = 0.5) => a.x + a.w > b.x + pad && b.x + b.w > a.x + pad && a.y + a.h > b.y + pad && b.y + b.h > a.y + pad;
        const pairs = [];
        for (let i = 0; i < imported.labels.length; i++) {
          for (let j = i + 1; j < imported.labels.length; j++) {
            if (overlap(imported.labels[i], imported.labels[j])) pairs.push(`${imported.labels[i].text} × ${imported.labels[j].text}`);
          }
        }
        const onShapes = [];
        for (const l of imported.labels) {
          for (const s of imported.shapes) if (s.id !== l.inside && overlap(l, s)) onShapes.push(`${l.text} on ${s.id}`);
        }
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'bpmn-js-lifecycle.png') });
        // and at 100 %, the first stages, as a person reads the labels
        await page.evaluate(() => window.viewer.get('canvas').viewbox({ x: -20, y: -40, width: 1800, height: 1100 }));
        await page.screenshot({ path: path.join(SCREENSHOTS, 'bpmn-js-lifecycle-100.png') });
        console.log(`    bpmn-js drew ${imported.labels.length} labels and ${imported.shapes.length} shapes: ${pairs.length} overlapping label pairs, ${onShapes.length} labels on shapes, ${imported.crossed.length} labels crossed by a flow line`);
        if (imported.crossed.length) console.log(`    crossed: ${imported.crossed.join('; ')}`);
        assertEqual(pairs.length, 0, `overlapping label pairs: ${pairs.join('; ')}`);
        assertEqual(onShapes.length, 0, `labels drawn on another shape: ${onShapes.join('; ')}`);
        assertEqual(imported.crossed.length, 0, `labels crossed by a flow line: ${imported.crossed.join('; ')}`);
        assertEqual(problems.length, 0, `console errors: ${problems.join('; ')}`);
      } finally {
        await browser.close();
      }
    },
  },
];
