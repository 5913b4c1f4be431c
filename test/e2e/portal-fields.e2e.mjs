// The content script finds every adapter field on both variants of the demo portal's form
// (generated ids change on every load; only labels, accessible names and structure hold).
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, eventually, screenshot, ROOT } from './harness.mjs';
import { fields as demoFields } from '../portal/public/app/form-def.js';

/** The adapter also serves the real-library pages (/app/apply/lib), which add fields the demo portal has none of (所在地区). */
const onDemoPortal = (f) => { const l = f.locators.find((x) => x.kind === 'label'); return !l || demoFields.some((d) => d.label === l.text); };

const adapter = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/portal/adapters/demo-portal.json'), 'utf8'));
const STEPS = ['basic', 'qualification', 'compliance', 'attachments'];

/** Records every content-script message the service worker receives (a second listener beside the router). */
export async function tapMessages(sw) {
  await sw.evaluate(() => {
    if (globalThis.__portalTap) return;
    globalThis.__portalTap = [];
    chrome.runtime.onMessage.addListener((msg, sender) => {
      if (sender.tab) globalThis.__portalTap.push({ tabId: sender.tab.id, tabUrl: sender.tab.url, msg });
      return false;
    });
  });
}
export async function clearTap(sw) {
  await sw.evaluate(() => { globalThis.__portalTap = []; });
}
export async function latest(sw, type, urlPart) {
  return sw.evaluate(([t, u]) => {
    const hits = globalThis.__portalTap.filter((x) => x.msg.type === t && (!u || x.msg.url?.includes(u)));
    return hits.length ? hits[hits.length - 1].msg : null;
  }, [type, urlPart]);
}
/** The tab id of the latest content-script message from a page whose URL contains `urlPart`. */
export async function tabIdOf(sw, urlPart) {
  return sw.evaluate((u) => [...globalThis.__portalTap].reverse().find((x) => x.tabUrl?.includes(u))?.tabId ?? null, urlPart);
}
/** Sends a background → content message to a tab, as the router does; returns the content script's reply. */
export async function toTab(sw, tabId, msg) {
  return sw.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m), [tabId, msg]);
}
export async function all(sw, type) {
  return sw.evaluate((t) => globalThis.__portalTap.filter((x) => x.msg.type === t).map((x) => x.msg), type);
}

function expectedKeys(kind, step) {
  const title = { basic: '基本信息', qualification: '资质条件', compliance: '合规声明', attachments: '附件材料' }[step];
  return adapter.fields.filter((f) => f.step === title && (!f.applicantKind || f.applicantKind === kind)).map((f) => f.key);
}

async function walkForm(env, variant, kind) {
  const page = await env.context.newPage();
  await clearTap(env.sw);
  const found = new Map();
  await page.goto(`${env.portal.url}/app/apply/${variant}/basic`);
  await page.locator('form').waitFor();
  if (kind === 'individual') {
    await page.getByText('个人', { exact: true }).click();
    await page.getByText('是否为组织主要负责人').waitFor();
    // 9(4): the headed organisation's facts appear when the applicant heads one.
    const row = variant === 'a' ? page.locator('.el-form-item', { hasText: '是否为组织主要负责人' }) : page.locator('.ant-form-item', { hasText: '是否为组织主要负责人' });
    await row.getByText('是', { exact: true }).click();
  }
  for (const step of STEPS) {
    if (step !== 'basic') {
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL(`**/app/apply/${variant}/${step}`);
      await page.locator('form').waitFor();
    }
    const want = expectedKeys(kind, step);
    const snap = await eventually(async () => {
      const s = await latest(env.sw, 'portal/snapshot', `/${step}`);
      if (!s) return null;
      const ok = want.every((k) => s.fields.find((f) => f.key === k)?.found);
      return ok ? s : null;
    }, { message: `${variant}/${kind}/${step}: every field of the step found`, timeout: 6000 }).catch(async (e) => {
      const s = await latest(env.sw, 'portal/snapshot', `/${step}`);
      const missing = want.filter((k) => !s?.fields.find((f) => f.key === k)?.found);
      throw new Error(`${e.message}; missing: ${missing.join(', ')}`);
    });
    for (const f of snap.fields) if (f.found) found.set(f.key, f.via);
    if (step === 'attachments') {
      const wantAtt = adapter.attachments.filter((a) => !a.applicantKind || a.applicantKind === kind).map((a) => a.key);
      assertEqual(snap.attachments.map((a) => a.key).sort().join(','), wantAtt.sort().join(','), 'attachment list for the kind');
    }
  }
  await screenshot(page, `portal-${variant}-${kind}-attachments`);
  await page.close();
  return found;
}

export const tests = [
  {
    name: 'variant A (Element-UI-like): every organisation field is found by its label',
    async run(env) {
      await tapMessages(env.sw);
      const found = await walkForm(env, 'a', 'organization');
      const want = adapter.fields.filter((f) => f.applicantKind !== 'individual' && onDemoPortal(f)).map((f) => f.key);
      for (const k of want) assert(found.has(k), `field ${k} found`);
      assert([...found.values()].every((v) => v === 'label'), 'variant A binds every field by its label');
    },
  },
  {
    name: 'variant B (antd-like, two columns, aria-labelledby and proximity labels): every organisation field is found',
    async run(env) {
      await tapMessages(env.sw);
      const found = await walkForm(env, 'b', 'organization');
      const want = adapter.fields.filter((f) => f.applicantKind !== 'individual' && onDemoPortal(f)).map((f) => f.key);
      for (const k of want) assert(found.has(k), `field ${k} found`);
    },
  },
  {
    name: 'both variants: every individual field (with the headed organisation, 9(4)) is found',
    async run(env) {
      await tapMessages(env.sw);
      for (const variant of ['a', 'b']) {
        const found = await walkForm(env, variant, 'individual');
        const want = adapter.fields.filter((f) => f.applicantKind !== 'organization').map((f) => f.key);
        for (const k of want) assert(found.has(k), `${variant}: field ${k} found`);
      }
    },
  },
  {
    name: 'values typed on the form reach the background (debounced snapshot), across SPA steps',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const page = await env.context.newPage();
      await page.goto(`${env.portal.url}/app/apply/a/basic`);
      await page.getByLabel('单位名称').fill('连云港测试科技有限公司');
      await page.getByLabel('成立日期').fill('2020/5/8');
      await page.locator('.el-form-item', { hasText: '是否具有独立法人资格' }).getByText('是', { exact: true }).click();
      await page.getByRole('button', { name: '下一步' }).click();
      await page.waitForURL('**/qualification');
      await page.getByLabel('发明专利数量').fill('2');
      await page.getByLabel('主导产品技术和质量指标水平').selectOption({ label: '省内先进' });
      const snap = await eventually(async () => {
        const s = await latest(env.sw, 'portal/snapshot', '/qualification');
        const v = (k) => s?.fields.find((f) => f.key === k)?.value;
        return s && v('applicant.inventionPatents') === '2' && v('applicant.productLevel') === '省内先进' ? s : null;
      }, { message: 'snapshot with the qualification values' });
      const v = (k) => snap.fields.find((f) => f.key === k)?.value;
      // The basic step is no longer in the DOM; its readings are remembered for the whole form.
      assertEqual(v('applicant.name'), '连云港测试科技有限公司', 'name remembered from step 1');
      assertEqual(v('applicant.establishedOn'), '2020/5/8', 'date read raw (converted by snapshotToApplication)');
      assertEqual(v('applicant.independentLegalPerson'), '是', 'radio read as its option text');
      assertEqual(v('applicant.kind'), '组织', 'applicant kind');
      await page.close();
    },
  },
];

tests.push({
  name: 'opening a later step directly (reload mid-form): the organisation fields of that step are still found',
  async run(env) {
    await tapMessages(env.sw);
    await clearTap(env.sw);
    const page = await env.context.newPage();
    await page.goto(`${env.portal.url}/app/apply/b/compliance`);
    await page.locator('form').waitFor();
    const want = expectedKeys('organization', 'compliance');
    await eventually(async () => {
      const s = await latest(env.sw, 'portal/snapshot', '/compliance');
      return s && want.every((k) => s.fields.find((f) => f.key === k)?.found);
    }, { message: 'every compliance field found without the kind question on the page' });
    await page.close();
  },
});
