// The application form schema (src/export/form-schema.ts, draft-07) as real form engines render it in
// Chromium: JSON Forms with its vanilla renderers, react-jsonschema-form 6 with its Ajv 8 validator,
// and the Formily schema (src/export/formily-schema.ts) with @formily/antd-v5. Each must draw every
// field once under its Chinese title, show Chinese option words, keep 是/否/未填 apart, refuse a bad
// value on submit, and hand back data the product's own reader (parseApplication) accepts.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { ROOT, SCREENSHOTS, assert, assertEqual, chromiumPath, eventually } from './harness.mjs';

export const standalone = true;

const ORIGIN = 'http://form-engines.invalid';
const here = path.dirname(new URL(import.meta.url).pathname);

let bundle = null;
async function page(engine, data, { lang = 'zh' } = {}) {
  bundle ??= build({
    entryPoints: [path.join(here, 'form-engines/entry.jsx')], bundle: true, write: false, format: 'iife', minify: true,
    define: { 'process.env.NODE_ENV': '"production"' }, jsx: 'automatic', jsxImportSource: 'react', tsconfigRaw: {},
    logLevel: 'silent', nodePaths: [path.join(ROOT, 'node_modules')],
  }).then((r) => r.outputFiles[0].text);
  const js = await bundle;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'] });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/app.js') return route.fulfill({ contentType: 'text/javascript', body: js });
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>form</title><style>body{font-family:"WenQuanYi Micro Hei",sans-serif;margin:16px}</style><div id="app"></div><script src="/app.js"></script>',
    });
  });
  const p = await context.newPage();
  const problems = [];
  p.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  p.on('pageerror', (e) => problems.push(String(e)));
  await p.goto(`${ORIGIN}/?data=${encodeURIComponent(JSON.stringify(data))}&lang=${lang}#${engine}`);
  return { p, problems, close: () => browser.close() };
}

async function shot(p, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const START = { format: 'lyg-award/application@1', year: 2026, submittedOn: '2026-06-30', applicant: { kind: 'organization' } };
const ORG_TITLES = ['统一社会信用代码', '在连云港市行政区域内登记注册', '成立日期', '主导产品技术和质量指标水平', '发明专利数量', '信用记录良好', '质量管理岗位人员（按年度）', '是否为出口企业'];
const IND_TITLES = ['在本市从事质量或质量相关工作起始日期', '恪守职业道德，无违反法律、法规行为', '所负责组织（第八条第六款）', '所负责组织诚信记录良好'];

/** How often each title appears as a label/legend/header text (visible elements only). */
async function titleCounts(p, selector) {
  return p.evaluate((sel) => {
    const counts = {};
    for (const el of document.querySelectorAll(sel)) {
      if (!el.checkVisibility()) continue;
      const t = el.textContent.replace(/\s*\*\s*$/, '').trim();
      counts[t] = (counts[t] ?? 0) + 1;
    }
    return counts;
  }, selector);
}

function onceEach(counts, titles, where) {
  for (const t of titles) assertEqual(counts[t], 1, `${where}: the title ${t} shows once`);
}

const bodyText = (p) => p.evaluate(() => document.body.innerText);

/**
 * English the engine itself wrote on the page: visible text with Latin words, and the placeholders,
 * titles and aria-labels of controls (not icons' names), less the data and the schema's own words (GB/T).
 */
async function engineEnglish(p) {
  const found = await p.evaluate(() => {
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (/[A-Za-z]{2,}/.test(n.textContent) && n.parentElement.checkVisibility()) out.add(n.textContent.trim());
    }
    for (const el of document.querySelectorAll('button, input, textarea, select, [role=button], th')) {
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v && /[A-Za-z]{2,}/.test(v)) out.add(`${el.tagName.toLowerCase()}[${a}=${v}]`);
      }
    }
    return [...out];
  });
  return found.filter((t) => !/GB\/T/.test(t));
}

export const tests = [
  {
    name: 'JSON Forms (vanilla): every field rendered once with its Chinese title, 是/否/未填 kept apart, errors shown',
    async run() {
      const { p, problems, close } = await page('jsonforms', START);
      try {
        await p.getByText('统一社会信用代码', { exact: true }).waitFor();
        const text = await bodyText(p);
        assert(!text.includes('No applicable'), 'no "No applicable cell/renderer found" anywhere');
        onceEach(await titleCounts(p, 'label, legend, th, .group-layout > label'), ORG_TITLES, 'organisation');
        assert(text.includes('国际先进') && text.includes('组织') && text.includes('个人'), 'Chinese option words for codes');
        assert(!/international-advanced|organization/.test(text), 'no English codes shown');
        // the three answers of a yes/no fact give true, false and null, not strings
        const goodCredit = p.locator('.control', { has: p.getByText('信用记录良好', { exact: true }) }).first();
        for (const [label, value] of [['否', false], ['未填', null], ['是', true]]) {
          await goodCredit.locator('input[type=radio]').nth(['是', '否', '未填'].indexOf(label)).check();
          await eventually(() => p.evaluate(() => window.__form.data.applicant.goodCredit).then((v) => v === value), { message: `goodCredit ${label} → ${value}` });
        }
        // a wrong credit code is refused with a message beside the field
        await p.locator('.control', { has: p.getByText('统一社会信用代码', { exact: true }) }).last().locator('input').fill('9132');
        await eventually(() => p.evaluate(() => window.__form.errors.some((e) => e.instancePath === '/applicant/creditCode')), { message: 'an Ajv error on the credit code' });
        // the engine's own words in Chinese (form-engine-texts.ts through JSON Forms' i18n.translate)
        await eventually(() => bodyText(p).then((t) => t.includes('格式不正确')), { message: 'the credit code error in Chinese' });
        assert((await p.getByRole('button', { name: '添加一项', exact: true }).count()) >= 3, 'array add buttons say 添加一项');
        assert((await bodyText(p)).includes('暂无数据'), 'an empty list says 暂无数据');
        // "Valid" is the vanilla table's column header, fixed in @jsonforms/vanilla-renderers (no i18n key)
        assertEqual(JSON.stringify((await engineEnglish(p)).filter((t) => t !== 'Valid' && t !== 'Items')), '[]', 'no English from JSON Forms but its fixed table header');
        await shot(p, 'form-engines-jsonforms-organization');
        // the other kind: its fields appear, the organisation's go
        await p.locator('input[type=radio][value=individual]').check();
        await p.getByText('在本市从事质量或质量相关工作起始日期', { exact: true }).waitFor();
        const ind = await titleCounts(p, 'label, legend, th, .group-layout > label');
        onceEach(ind, IND_TITLES, 'individual');
        assertEqual(ind['统一社会信用代码'], undefined, 'organisation fields hidden for an individual');
        await shot(p, 'form-engines-jsonforms-individual');
        assertEqual(problems.length, 0, `no console errors (${problems.join(' | ')})`);
      } finally { await close(); }
    },
  },
  {
    name: 'RJSF 6 (Ajv 8, draft-07): titles once, Chinese options, radios for 是/否/未填, submit validates',
    async run() {
      const { p, problems, close } = await page('rjsf', START);
      try {
        await p.getByText('统一社会信用代码', { exact: true }).first().waitFor();
        const counts = await titleCounts(p, 'label.control-label, legend, .field-title, #root__title');
        onceEach(counts, [...ORG_TITLES, '申报主体'], 'organisation');
        const text = await bodyText(p);
        assert(text.includes('国际先进') || (await p.locator('option', { hasText: '国际先进' }).count()) > 0, 'Chinese product level words');
        assert(!/international-advanced/.test(text), 'no English codes shown');
        assertEqual(await p.locator('input[type=checkbox]').count(), 0, 'no checkbox: unknown must not look like no');
        // submit with a bad credit code: refused, nothing submitted
        await p.locator('#root_applicant_creditCode').fill('9132');
        await p.getByRole('button', { name: '提交' }).click();
        await eventually(() => p.evaluate(() => window.__form.submitErrors?.length > 0), { message: 'submit refused with errors' });
        assertEqual(await p.evaluate(() => window.__form.submitted), null, 'nothing submitted');
        // RJSF's own words in Chinese (translateString, transformErrors): the error list and the field's message
        const refused = await bodyText(p);
        assert(refused.includes('请更正以下问题') && refused.includes('统一社会信用代码：格式不正确'), `the error list in Chinese: ${refused.slice(0, 300)}`);
        assert(!/must match/.test(refused), 'no Ajv English');
        assert((await p.locator('button[title="添加"]').count()) >= 3, 'array add buttons titled 添加');
        assertEqual(JSON.stringify(await engineEnglish(p)), '[]', 'no English from RJSF');
        await shot(p, 'form-engines-rjsf-refused');
        // a good code and a 否 answer: submitted, and the product's reader accepts the file
        await p.locator('#root_applicant_creditCode').fill('');
        await p.locator('#root_applicant_name').fill('连云港示例装备有限公司');
        await p.locator('#root_applicant_goodCredit-1').check();
        await p.getByRole('button', { name: '提交' }).click();
        const submitted = await eventually(() => p.evaluate(() => window.__form.submitted), { message: 'submitted' });
        assertEqual(submitted.applicant.goodCredit, false, '否 is false');
        const parsed = await p.evaluate((d) => window.__parseApplication(d).ok, submitted);
        assert(parsed, `parseApplication accepts what RJSF submitted: ${JSON.stringify(submitted)}`);
        await shot(p, 'form-engines-rjsf-organization');
        assertEqual(problems.length, 0, `no console errors (${problems.join(' | ')})`);
      } finally { await close(); }
    },
  },
  {
    name: 'Formily (antd v5): the Formily schema renders the same fields once, Chinese options, validation on submit',
    async run() {
      const { p, problems, close } = await page('formily', START);
      try {
        await p.getByText('统一社会信用代码', { exact: true }).first().waitFor();
        const counts = await titleCounts(p, '.ant-formily-item-label-content');
        onceEach(counts, ORG_TITLES, 'organisation');
        const text = await bodyText(p);
        assert(text.includes('未填') && text.includes('组织') && text.includes('个人'), 'Chinese choice words');
        assert(!text.includes('在本市从事质量或质量相关工作起始日期'), 'individual fields hidden for an organisation');
        await p.locator('.ant-formily-item', { has: p.getByText('统一社会信用代码', { exact: true }) }).last().locator('input').fill('9132');
        await p.evaluate(() => window.__form.validate());
        await eventually(() => p.evaluate(() => window.__form.submitErrors?.length > 0), { message: 'validation refuses a bad credit code' });
        // Formily's validator and antd's own words in Chinese (setValidateLanguage, ConfigProvider zh_CN)
        const help = await eventually(() => p.locator('.ant-formily-item-error-help').first().textContent(), { message: 'an error shown' });
        assert(/[\u4e00-\u9fff]/.test(help) && !/[A-Za-z]{2,}/.test(help), `the error in Chinese: ${help}`);
        assert((await p.locator('input[placeholder="请选择日期"]').count()) > 0, 'date pickers say 请选择日期');
        // antd's InputNumber spin buttons are labelled "Increase Value" / "Decrease Value" by rc-input-number, not by the locale
        assertEqual(JSON.stringify((await engineEnglish(p)).filter((t) => !/aria-label=(Increase|Decrease) Value/.test(t))), '[]', 'no English from Formily or antd but the spin buttons');
        await shot(p, 'form-engines-formily-organization');
        // (a cleared input stays "" in Formily's values, which the reader refuses: fill a real code)
        await p.locator('.ant-formily-item', { has: p.getByText('统一社会信用代码', { exact: true }) }).last().locator('input').fill('91350100M000100Y43');
        await p.locator('.ant-formily-item', { has: p.getByText('信用记录良好', { exact: true }) }).last().getByText('否', { exact: true }).click();
        await p.evaluate(() => { window.__form.submitErrors = null; return window.__form.validate(); });
        const submitted = await eventually(() => p.evaluate(() => window.__form.submitted), { message: 'validated values' });
        assertEqual(submitted.applicant.goodCredit, false, '否 is false');
        const parsed = await p.evaluate((d) => window.__parseApplication(d), submitted);
        assert(parsed.ok, `parseApplication accepts Formily's values: ${JSON.stringify(submitted)} ${JSON.stringify(parsed.errors ?? '')}`);
        await p.locator('input[type=radio][value=individual]').check();
        await p.getByText('在本市从事质量或质量相关工作起始日期', { exact: true }).waitFor();
        onceEach(await titleCounts(p, '.ant-formily-item-label-content'), IND_TITLES.slice(0, 3), 'individual');
        await shot(p, 'form-engines-formily-individual');
        assertEqual(problems.length, 0, `no console errors (${problems.join(' | ')})`);
      } finally { await close(); }
    },
  },
];
