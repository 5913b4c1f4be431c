// Section: scanning generated Element-UI-like forms (100 / 1,000 / 5,000 fields) in Chromium with the
// product's locator engine (bundled for the page from test/bench/forms/locator-entry.ts) against the
// floor: a bare querySelectorAll('input,select,textarea') + .labels pass over the same page.
// Cold = the first scan after a fresh navigation; warm = median of repeated scans in one page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateForm } from '../forms/generate.mjs';
import { launchPlain, serve } from '../lib/browser.mjs';
import { fmtMs, median, targetRow, TARGET_HEAD } from '../lib/report.mjs';

// SCAN_SIZES=1000 measures one size (a quick before/after); the full run measures all three
const SIZES = process.env.SCAN_SIZES ? process.env.SCAN_SIZES.split(',').map(Number) : [100, 1000, 5000];
const WARM_RUNS = { 100: 21, 1000: 15, 5000: 9 };
const COLD_LOADS = { 100: 7, 1000: 5, 5000: 3 };
const COLD_BUDGET_MS = 12_000;

/** The floor, exactly as the brief defines it, and a one-pass reference. Run in the page. */
const FLOOR_SOURCE = `window.__floorScan = function () {
  var found = 0, labelled = 0;
  var els = document.querySelectorAll('input,select,textarea');
  for (var i = 0; i < els.length; i++) {
    var l = els[i].labels;
    found++;
    if (l && l.length && l[0].textContent.trim()) labelled++;
  }
  return { found: found, labelled: labelled };
};
// Reference only: the floor with one label[for] Map instead of .labels (Chromium resolves each
// element's .labels by walking the whole document on first access: quadratic on big forms).
window.__mapScan = function () {
  var byFor = new Map(), found = 0, labelled = 0;
  var labels = document.querySelectorAll('label[for]');
  for (var j = 0; j < labels.length; j++) if (!byFor.has(labels[j].htmlFor)) byFor.set(labels[j].htmlFor, labels[j]);
  var els = document.querySelectorAll('input,select,textarea');
  for (var i = 0; i < els.length; i++) {
    var l = els[i].id ? byFor.get(els[i].id) : null;
    found++;
    if (l && l.textContent.trim()) labelled++;
  }
  return { found: found, labelled: labelled };
};
// The first scan after a page change (issue 19), the same change before either pass: a form library
// marking a field valid or invalid (aria-invalid), or showing a validation message (a text).
var __turn = 0;
window.__changeAttr = function () {
  var inputs = document.getElementsByTagName('input');
  var el = inputs[__turn++ % Math.max(1, inputs.length)];
  if (el) el.setAttribute('aria-invalid', el.getAttribute('aria-invalid') === 'true' ? 'false' : 'true');
};
window.__changeText = function () {
  var note = document.getElementById('bench-validation-note');
  if (!note) {
    // where a library shows it: after the middle field's input box, inside its form item
    var inputs = document.getElementsByTagName('input');
    var box = inputs.length ? inputs[inputs.length >> 1].parentElement : null;
    note = document.createElement('div'); note.id = 'bench-validation-note';
    if (box && box.parentElement) box.after(note); else document.body.appendChild(note);
  }
  note.textContent = '请填写第 ' + (__turn++) + ' 项';
};
window.__changeElement = function () {
  // a validation message shown, then hidden: an element added or removed (a full walk for the locator)
  var shown = document.getElementById('bench-validation-shown');
  if (shown) { shown.remove(); return; }
  var inputs = document.getElementsByTagName('input');
  var box = inputs.length ? inputs[inputs.length >> 2].parentElement : null;
  shown = document.createElement('div'); shown.id = 'bench-validation-shown'; shown.textContent = '请填写此项';
  if (box && box.parentElement) box.after(shown); else document.body.appendChild(shown);
};
// Elements added or removed (issue 19): a field's form item added or removed, a row added to a
// library's split header/body table, a card's rows re-rendered (the same markup drawn again).
var __cols = function () { var out = [], cols = document.getElementsByClassName('el-col'); for (var i = 0; i < cols.length; i++) if (cols[i].querySelector('input.el-input__inner[id]') && cols[i].querySelector('label[for]')) out.push(cols[i]); return out; };
var __added = 0;
window.__changeFieldAdd = function () {
  var cols = __cols(), src = cols[(__turn++ * 37) % cols.length];
  var copy = src.cloneNode(true), input = copy.querySelector('input.el-input__inner[id]'), label = copy.querySelector('label[for]');
  var id = 'bench-added-' + (__added++);
  if (label.htmlFor === input.id) label.htmlFor = id;
  input.id = id;
  src.after(copy);
};
window.__changeFieldRemove = function () {
  var cols = __cols();
  cols[(__turn++ * 37) % cols.length].remove();
};
window.__changeRow = function () {
  var body = document.getElementById('bench-split-body');
  if (!body) {
    // the first call draws the table (a table added: a full walk for the locator), later calls add rows
    var box = document.createElement('div'); box.className = 'el-table';
    var head = document.createElement('table'); var thead = document.createElement('thead'); var tr = document.createElement('tr');
    ['年度', '营业收入（万元）'].forEach(function (t) { var th = document.createElement('th'); th.textContent = t; tr.appendChild(th); });
    thead.appendChild(tr); head.appendChild(thead);
    var bodyTable = document.createElement('table'); body = document.createElement('tbody'); body.id = 'bench-split-body'; bodyTable.appendChild(body);
    var hw = document.createElement('div'); hw.className = 'el-table__header-wrapper'; hw.appendChild(head);
    var bw = document.createElement('div'); bw.className = 'el-table__body-wrapper'; bw.appendChild(bodyTable);
    box.appendChild(hw); box.appendChild(bw);
    var cards = document.getElementsByClassName('el-card__body');
    cards[cards.length >> 1].appendChild(box);
  }
  var row = document.createElement('tr'), year = document.createElement('td'), cell = document.createElement('td'), input = document.createElement('input');
  year.textContent = String(2000 + (__turn++ % 30)); input.className = 'el-input__inner'; cell.appendChild(input);
  row.appendChild(year); row.appendChild(cell); body.appendChild(row);
};
window.__changeStep = function () {
  var rows = document.querySelectorAll('.el-card__body > .el-row');
  var row = rows[(__turn++ * 7) % rows.length];
  row.replaceWith(row.cloneNode(true));
};
window.__floorAfterFieldAdd = function () { window.__changeFieldAdd(); return window.__floorScan(); };
window.__floorAfterFieldRemove = function () { window.__changeFieldRemove(); return window.__floorScan(); };
window.__floorAfterRow = function () { window.__changeRow(); return window.__floorScan(); };
window.__floorAfterStep = function () { window.__changeStep(); return window.__floorScan(); };
window.__floorAfterElement = function () { window.__changeElement(); return window.__floorScan(); };
window.__floorAfterAttr = function () { window.__changeAttr(); return window.__floorScan(); };
window.__floorAfterText = function () { window.__changeText(); return window.__floorScan(); };`;

/** Bundles the locator entry into an IIFE exposing window.__productIndex/__productScan; null + why if it cannot. */
export async function bundleLocator(root) {
  const entry = path.join(root, 'test/bench/forms/locator-entry.ts');
  if (!fs.existsSync(entry)) return { code: null, why: 'test/bench/forms/locator-entry.ts missing' };
  const { build } = await import('rolldown');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-locator-'));
  try {
    await build({
      input: entry, cwd: root, logLevel: 'silent', platform: 'browser',
      transform: { define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true', 'import.meta.env.MODE': '"production"' } },
      output: { file: path.join(out, 'locator.js'), format: 'iife', name: '__awardPilotLocator', minify: true, codeSplitting: false },
    });
    const code = fs.readFileSync(path.join(out, 'locator.js'), 'utf8');
    return { code: `${code}\nwindow.__productIndex = __awardPilotLocator.indexPage;\nwindow.__productScan = __awardPilotLocator.scanPage;\nwindow.__productInfo = __awardPilotLocator.engineInfo;\nwindow.__productAfterAttr = function () { __changeAttr(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterText = function () { __changeText(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterElement = function () { __changeElement(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterFieldAdd = function () { __changeFieldAdd(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterFieldRemove = function () { __changeFieldRemove(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterRow = function () { __changeRow(); return __awardPilotLocator.indexPage(); };\nwindow.__productAfterStep = function () { __changeStep(); return __awardPilotLocator.indexPage(); };`, why: null };
  } catch (e) {
    return { code: null, why: `locator engine not bundled: ${String(e?.message ?? e).split('\n')[0]}` };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Repeated scans in one page, the functions interleaved round by round so background load hits them alike. */
async function warmInterleaved(page, fnNames, runs, maxReps = Infinity) {
  return page.evaluate(({ fnNames, runs, maxReps }) => {
    const out = {};
    const reps = {};
    for (const name of fnNames) {
      const fn = window[name];
      out[name] = { result: fn(), samples: [] };
      const t = performance.now(); fn(); const once = performance.now() - t;
      // Batch tiny scans so each sample spans ≥ 5 ms (performance.now() is coarsened in pages).
      reps[name] = Math.min(maxReps, Math.max(1, Math.ceil(5 / Math.max(once, 0.01))));
    }
    for (let i = 0; i < runs; i++) {
      for (const name of fnNames) {
        const fn = window[name];
        const t = performance.now();
        for (let k = 0; k < reps[name]; k++) fn();
        out[name].samples.push((performance.now() - t) / reps[name]);
      }
    }
    return out;
  }, { fnNames, runs, maxReps: Number.isFinite(maxReps) ? maxReps : 1e9 });
}

async function cold(page, url, fnName, loads) {
  const samples = [];
  const t0 = Date.now();
  // Up to COLD_LOADS navigations, fewer when each scan takes seconds (the bench must stay short).
  for (let i = 0; i < loads && (i === 0 || Date.now() - t0 < COLD_BUDGET_MS); i++) {
    await page.goto(url, { waitUntil: 'load' });
    // Let the first layout and paint finish and collect the previous page's garbage, so the sample
    // is the scan itself rather than whatever the browser still had queued.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    await page.evaluate(() => { if (typeof window.gc === 'function') window.gc(); });
    samples.push(await page.evaluate((fnName) => { const t = performance.now(); window[fnName](); return performance.now() - t; }, fnName));
  }
  return samples;
}

const FUNCS = [['floor', '__floorScan'], ['map', '__mapScan'], ['index', '__productIndex'], ['scan', '__productScan']];
/** The first scan after a page change (issue 19): an attribute the index does not read, a text it does. */
const AFTER_CHANGE_MAX = 1000;
const AFTER_CHANGE = [['afterAttr', '__productAfterAttr', '__floorAfterAttr'], ['afterText', '__productAfterText', '__floorAfterText'], ['afterElement', '__productAfterElement', '__floorAfterElement']];
/** Elements added or removed (issue 19), measured the same way at 1,000 fields; also set against the warm (cached) floor. */
const AFTER_ELEMENT_AT = 1000;
const AFTER_ELEMENT = [['afterFieldAdd', '__productAfterFieldAdd', '__floorAfterFieldAdd', 'one field added (its form item)'], ['afterFieldRemove', '__productAfterFieldRemove', '__floorAfterFieldRemove', 'one field removed (its form item)'], ['afterRow', '__productAfterRow', '__floorAfterRow', 'a row added to a split header/body table'], ['afterStep', '__productAfterStep', '__floorAfterStep', 'a card of 24 fields re-rendered (its rows drawn again)']];
const AFTER_ELEMENT_KEYS = Object.fromEntries(AFTER_ELEMENT.map(([k]) => [k, true]));

export async function fieldScanSection({ root }) {
  const locator = await bundleLocator(root);
  const files = new Map([['/floor.js', { type: 'text/javascript', body: FLOOR_SOURCE }]]);
  if (locator.code) files.set('/locator.js', { type: 'text/javascript', body: locator.code });
  for (const n of SIZES) {
    const { html } = generateForm(n);
    const scripts = `<script src="/floor.js"></script>${locator.code ? '<script src="/locator.js"></script>' : ''}`;
    files.set(`/form-${n}.html`, { type: 'text/html; charset=utf-8', body: html.replace('</body>', `${scripts}</body>`) });
  }
  const server = await serve(files);
  const browser = await launchPlain({ exposeGc: true });
  const metrics = {};
  const notes = [];
  try {
    const page = await browser.newPage();
    for (const n of SIZES) {
      const url = `${server.url}/form-${n}.html`;
      await page.goto(url, { waitUntil: 'load' });
      const m = { domSize: await page.evaluate(() => document.getElementsByTagName('*').length) };
      const funcs = FUNCS.filter(([key]) => locator.code || (key !== 'index' && key !== 'scan'));
      for (const [key, fn] of funcs) {
        try {
          const c = await cold(page, url, fn, COLD_LOADS[n]);
          m[key] = { cold: median(c), coldSamples: c };
        } catch (e) {
          m[key] = { error: String(e?.message ?? e).split('\n')[0] };
        }
      }
      const live = funcs.filter(([key]) => m[key].error == null);
      try {
        // Warm rounds continue in the page the last cold scan ran in (no extra quadratic .labels pass).
        const w = await warmInterleaved(page, live.map(([, fn]) => fn), WARM_RUNS[n]);
        for (const [key, fn] of live) Object.assign(m[key], { warm: median(w[fn].samples), warmSamples: w[fn].samples, result: w[fn].result });
        if (m.index?.warmSamples && m.floor?.warmSamples) m.warmRatio = median(m.index.warmSamples.map((x, i) => x / m.floor.warmSamples[i]));
        // After a change: each pair in its own rounds (after the warm ones: the changes stay out of them),
        // the floor making the same change before its pass.
        // (up to 1,000 fields: after a text change Chromium drops its .labels cache, and the floor's
        // quadratic re-resolution on 5,000 fields takes about a minute a pass)
        if (locator.code && m.index?.error == null && n <= AFTER_CHANGE_MAX) {
          for (const [key, productFn, floorFn] of [...AFTER_CHANGE, ...(n === AFTER_ELEMENT_AT ? AFTER_ELEMENT : [])]) {
            // (element changes: at most 10 per sample, so the removals never run out of fields)
            const a = await warmInterleaved(page, [floorFn, productFn], WARM_RUNS[n], key in AFTER_ELEMENT_KEYS ? 10 : Infinity);
            m[key] = { warm: median(a[productFn].samples), floor: median(a[floorFn].samples), ratio: median(a[productFn].samples.map((x, i) => x / a[floorFn].samples[i])) };
          }
        }
      } catch (e) {
        for (const [key] of live) m[key].error = String(e?.message ?? e).split('\n')[0];
      }
      metrics[n] = m;
    }
    const info = locator.code ? await page.evaluate(() => window.__productInfo ?? null).catch(() => null) : null;
    if (info) notes.push(`Locator: ${info}.`);
  } finally {
    await browser.close();
    await server.close();
  }

  const ok = (x) => x && x.error == null;
  const cell = (x, k) => (ok(x) ? fmtMs(x[k]) : x?.error ? `error: ${x.error}` : 'not measured');
  const ratio = (a, b, k) => (ok(a) && ok(b) && b[k] > 0 ? a[k] / b[k] : null);
  const fmtRatio = (r) => (r == null ? '–' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`);
  const coldRows = SIZES.map((n) => { const m = metrics[n]; return [n.toLocaleString('en'), m.domSize.toLocaleString('en'), cell(m.floor, 'cold'), cell(m.index, 'cold'), fmtRatio(ratio(m.index, m.floor, 'cold')), cell(m.scan, 'cold'), cell(m.map, 'cold')]; });
  const warmRows = SIZES.map((n) => { const m = metrics[n]; return [n.toLocaleString('en'), cell(m.floor, 'warm'), cell(m.index, 'warm'), fmtRatio(m.warmRatio ?? null), cell(m.scan, 'warm'), cell(m.map, 'warm')]; });
  const afterRows = SIZES.map((n) => { const m = metrics[n]; return [n.toLocaleString('en'), cell(m.afterAttr, 'floor'), cell(m.afterAttr, 'warm'), fmtRatio(m.afterAttr?.ratio ?? null), cell(m.afterText, 'floor'), cell(m.afterText, 'warm'), fmtRatio(m.afterText?.ratio ?? null), cell(m.afterElement, 'floor'), cell(m.afterElement, 'warm'), fmtRatio(m.afterElement?.ratio ?? null)]; });
  const elementRows = [AFTER_ELEMENT_AT].flatMap((n) => AFTER_ELEMENT.map(([key, , , what]) => { const m = metrics[n]; const x = m[key]; return [n.toLocaleString('en'), what, cell(x, 'floor'), cell(x, 'warm'), fmtRatio(x?.ratio ?? null), cell(m.floor, 'warm'), fmtRatio(ok(x) && ok(m.floor) && m.floor.warm > 0 ? x.warm / m.floor.warm : null)]; }));
  const foundRows = SIZES.map((n) => { const m = metrics[n]; const r = (x, k) => (ok(x) && x.result ? String(x.result[k]) : '–'); return [n.toLocaleString('en'), r(m.floor, 'found'), r(m.floor, 'labelled'), r(m.index, 'found'), r(m.index, 'labelled'), r(m.scan, 'bound')]; });
  const at = (n, k, f) => (ok(metrics[n]?.[k]) ? metrics[n][k][f] : null);

  if (!locator.code) notes.push(`Locator engine not measured: ${locator.why}`);
  notes.push(`Cold = the first scan after a fresh navigation (what the content script pays on a page), median of up to ${Object.values(COLD_LOADS).join('/')} loads (fewer when one scan takes seconds); warm = median of ${Object.values(WARM_RUNS).join('/')} rounds of repeated scans in one page, the passes interleaved round by round (tiny scans batched so each sample spans ≥ 5 ms); the warm ratio is the median of the per-round ratios. Chromium caches each element's .labels list after its first access, so the warm floor is far below the cold one.`);
  notes.push('After a page change = each sample makes one change, then scans; the floor makes the same change before its pass, the two interleaved round by round (ratio = median of the per-round ratios); up to 1,000 fields, since after a text change Chromium re-resolves .labels and the floor on 5,000 fields takes about a minute a pass. The index keeps its last result while only attributes it never reads change (INDEX_ATTRIBUTES in src/portal/dom/targets.ts: aria-invalid, style, value …) or only text it never read (the text of a validation message beside a field); an element added or removed (the message shown or hidden) or the text of a label changed pays a full walk: an update in place from the MutationObserver records was built and measured but is not in the content script yet (its size; BENCHMARKS.md, issue 19).');
  notes.push('After an element change = the same method; the floor after the change pays Chromium\'s .labels re-resolution (the quadratic first-access cost), so the last column also sets the locator against the warm floor (.labels cached), the stricter comparison. The table row: the first sample draws the table (a full walk), the others add rows.');
  notes.push('label[for] map = the floor written as one pass over label[for] into a Map (reference only): Chromium resolves .labels by walking the whole document for each element on first access, which is quadratic on big forms.');
  notes.push('Generated forms: about two thirds of the labels point at their control with `for`; the rest are Element UI 2 style (`for` names the model prop) or radio groups, which `.labels` cannot resolve. Radios count one per input for the floor and one per group for the locator.');
  if (ok(metrics[5000]?.index) && metrics[5000].index.result.found < 5000 * 0.9) notes.push(`The locator indexed ${metrics[5000].index.result.found} targets on the 5,000-field form: it stops at a fixed cap (MAX_TARGETS in src/portal/dom/targets.ts), so on forms past the cap its time is for less work than the floor's.`);
  return {
    id: 'scan', title: 'Field scan on generated low-code forms (Chromium)', status: locator.code ? 'measured' : 'partial', why: locator.code ? undefined : locator.why,
    tables: [
      { caption: 'Against targets', head: TARGET_HEAD, rows: [
        targetRow('fieldScan1000Ms', at(1000, 'index', 'cold'), { note: locator.why ?? '' }),
        targetRow('fieldScan5000Ms', at(5000, 'index', 'cold'), { note: locator.why ?? '' }),
        targetRow('fieldScanRatio', metrics[1000]?.warmRatio ?? null, { format: (v) => v.toFixed(2), note: locator.why ?? '' }),
      ] },
      { caption: 'First scan after load (cold), ms, median', head: ['fields', 'DOM elements', 'floor: qSA + .labels', 'locator: indexTargets', 'ratio', 'locator + demo adapter: scanPage', 'ref: label[for] map'], rows: coldRows, align: ['r', 'r', 'r', 'r', 'r', 'r', 'r'] },
      { caption: 'Repeated scans in one page (warm), ms, median', head: ['fields', 'floor: qSA + .labels', 'locator: indexTargets', 'ratio', 'locator + demo adapter: scanPage', 'ref: label[for] map'], rows: warmRows, align: ['r', 'r', 'r', 'r', 'r', 'r'] },
      { caption: 'First scan after a page change (warm page), ms, median', head: ['fields', 'aria-invalid toggled: floor', 'locator', 'ratio', 'a message\'s text changed: floor', 'locator', 'ratio', 'a message shown or hidden: floor', 'locator', 'ratio'], rows: afterRows, align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
      { caption: 'First scan after an element added or removed (warm page), ms, median', head: ['fields', 'change', 'floor after the same change', 'locator', 'ratio', 'floor, warm (cached .labels)', 'locator / warm floor'], rows: elementRows, align: ['r', 'l', 'r', 'r', 'r', 'r', 'r'] },
      { caption: 'What each pass found', head: ['fields', 'floor: controls', 'floor: labelled', 'locator: targets', 'locator: labelled', 'demo adapter fields bound'], rows: foundRows, align: ['r', 'r', 'r', 'r', 'r', 'r'] },
    ],
    notes, metrics: { scan: metrics },
  };
}
