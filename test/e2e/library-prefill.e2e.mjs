// 填入资料 on the real-library fixtures (test/portal/public/app/apply/lib): the person clicks the panel's
// button, and the extension fills the form through each library's own widgets — opens a select and
// clicks the option in the list the library teleports to <body>, types a date and confirms it, clicks
// radios, adds a certificate row with the table's own add-row button and fills its select and picker.
// Every value is checked in window.__formModel() (what the page would submit), not in the DOM. The
// person then fills what the profile does not hold, step by step (Formily's step button validates the
// step first), and the pre-check reaches 可以申报.
import { assert, assertEqual, eventually, screenshot } from './harness.mjs';
import { item, type, radio, toggle, next, yearsAgo, verdictOf } from './portal-libraries.e2e.mjs';

const ALL_LIBS = ['element-plus', 'element-ui', 'ant-design-vue', 'antd', 'formily'];
/** LIBRARY_PREFILL_LIBS=antd,formily runs only those (a whole run is long; debug one library at a time). */
const LIBS = process.env.LIBRARY_PREFILL_LIBS ? ALL_LIBS.filter((l) => process.env.LIBRARY_PREFILL_LIBS.split(',').includes(l)) : ALL_LIBS;

const PROFILE = {
  'applicant.name': '连云港示范精工有限公司',
  'applicant.creditCode': '91320700MA1NXQ0BX9',
  'applicant.establishedOn': yearsAgo(6),
  'applicant.industry': ['制造业', '服务业'],
  'applicant.region': ['江苏省', '连云港市', '海州区'],
  'applicant.registeredInLianyungang': true,
  'applicant.independentLegalPerson': true,
  'applicant.qmsCertificates': [{ standard: 'GB/T 19001-2016', validUntil: yearsAgo(-2) }],
  'applicant.productLevel': 'national-advanced',
  'applicant.registeredTrademarks': '3',
  'applicant.inventionPatents': '2',
  'applicant.exporter': false,
};

/** The saved profile, as the options page stores it (its editor is tested in sidepanel-tabs). */
async function saveProfile(context, extUrl) {
  const options = await context.newPage();
  await options.goto(extUrl('options.html'));
  await options.evaluate(async (data) => {
    // the options page opens the database on demand (issue 19): wait until it exists, so that this open never
    // creates an empty one, then open it after the extension's own upgrade
    while (!(await indexedDB.databases()).some((d) => d.name === 'award-pilot')) await new Promise((r) => setTimeout(r, 50));
    const db = await new Promise((res, rej) => { const r = indexedDB.open('award-pilot'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    if (!db.objectStoreNames.contains('profiles')) throw new Error(`award-pilot has no profiles store: ${[...db.objectStoreNames]}`);
    await new Promise((res, rej) => {
      const tx = db.transaction('profiles', 'readwrite');
      tx.objectStore('profiles').put({ id: 'default', data, updatedAt: new Date().toISOString(), version: 1 });
      tx.oncomplete = res; tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, PROFILE);
  await options.close();
}

const model = (page) => page.evaluate(() => window.__formModel());

/** Clicks 填入资料 in the panel (a trusted click) and waits for its report. */
async function prefill(panel, page, lib, step) {
  // the portal stays the tab in front, as beside a docked side panel; the click in the panel is a person's (trusted)
  await page.bringToFront();
  const close = panel.getByTestId('prefill-report').getByRole('button', { name: /关闭/ });
  if (await close.count()) await close.click();
  await panel.getByRole('button', { name: /填入资料/ }).click();
  await panel.getByTestId('prefill-report').waitFor({ timeout: 20_000 });
  await screenshot(panel, `library-prefill-${lib}-${step}-panel`);
  // Element UI 2's input-number shows 0 of its own before anyone types: the panel cannot tell that from a
  // person's 0, keeps it and asks; the person agrees to replace it with the profile (a trusted click).
  const replace = panel.getByTestId('prefill-report').getByRole('button', { name: /用保存的资料覆盖/ });
  if (await replace.count()) {
    await replace.click();
    await eventually(async () => (await replace.count()) === 0, { message: `${lib} ${step}: the kept values replaced`, timeout: 20_000 });
    await screenshot(panel, `library-prefill-${lib}-${step}-replaced-panel`);
  }
  const notTaken = panel.getByTestId('prefill-not-taken');
  assertEqual(await notTaken.count(), 0, `${lib} ${step}: every value the page was given was kept (${await notTaken.count() ? await notTaken.innerText() : ''})`);
}

/**
 * A model value equals what is wanted; table rows compare on the wanted columns only, a column the page
 * never set reading as '' (Formily's ArrayTable adds a row as {} plus its own __…index__ bookkeeping).
 */
function sameValue(got, want) {
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length
      && want.every((row, i) => Object.entries(row).every(([c, v]) => JSON.stringify(got[i]?.[c] ?? '') === JSON.stringify(v)));
  }
  return JSON.stringify(got) === JSON.stringify(want);
}

async function expectModel(page, want, what) {
  await eventually(async () => {
    const m = await model(page);
    return Object.entries(want).every(([k, v]) => sameValue(m[k], v)) ? m : null;
  }, { message: what, timeout: 6000 }).catch(async (e) => {
    const m = await model(page);
    throw new Error(`${e.message}: ${Object.entries(want).filter(([k, v]) => !sameValue(m[k], v)).map(([k, v]) => `${k}=${JSON.stringify(m[k])} (want ${JSON.stringify(v)})`).join('; ')}`);
  });
}

async function addNumberRow(page, label, cells) {
  const table = item(page, label);
  const before = await table.locator('tbody tr').filter({ has: page.locator('input') }).count();
  await table.getByRole('button', { name: /添加一行|新增/ }).click();
  const row = table.locator('tbody tr').filter({ has: page.locator('input') }).nth(before);
  await row.waitFor();
  // the row's cells that hold a widget, in order (a table may start with a 序号 column)
  for (const [i, v] of cells.entries()) await row.locator('td').filter({ has: page.locator('input') }).nth(i).locator('input').first().fill(String(v));
}

export async function run(env, lib) {
  const { context, extUrl, portal } = env;
  await saveProfile(context, extUrl);
  const page = await context.newPage();
  await page.goto(`${portal.url}/app/apply/lib/${lib}.html`);
  await page.waitForFunction(() => typeof window.__formModel === 'function');
  await item(page, '单位名称').waitFor();
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(extUrl('sidepanel.html'));
  await page.bringToFront();
  await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: `${lib}: the panel follows the form` });

  // 基本信息: text, date picker, radios from the profile
  await prefill(panel, page, lib, 'basic');
  await expectModel(page, { orgName: PROFILE['applicant.name'], creditCode: PROFILE['applicant.creditCode'], establishedOn: PROFILE['applicant.establishedOn'], registeredInLyg: '是', independentLegal: '是', industry: PROFILE['applicant.industry'], region: PROFILE['applicant.region'] }, `${lib}: 基本信息 prefilled into the page's model`);
  const filled = await panel.getByTestId('prefill-filled').innerText();
  for (const name of ['统一社会信用代码', '成立日期', '所属行业', '所在地区']) assert(filled.includes(name), `${lib}: the report names ${name} as filled (${filled})`);
  await radio(page, '近三年生产经营是否中断', '否');
  await screenshot(page, `library-prefill-${lib}-basic`);
  // turned on and 下一步 at once, as a person does: the switch must be read before the step goes
  await toggle(page, '生产经营符合国家产业、环保、节能、质量安全等政策');
  await next(page);
  await item(page, '注册商标数量').waitFor({ timeout: 5000 }).catch(() => { throw new Error(`${lib}: the step button did not move on (the page's own validation refused what was filled)`); });

  // 资质条件: a library select (teleported list), numbers, and a certificate row through the add-row button
  await prefill(panel, page, lib, 'qualification');
  if (process.env.DEBUG_TABLE) console.log(await page.evaluate(() => { const t = document.querySelector('.editable-table'); const walk = (e, d) => d > 9 ? '' : '  '.repeat(d) + e.tagName + '.' + (e.getAttribute('class') ?? '') + (e.tagName === 'BUTTON' ? ' ' + e.textContent : '') + '\n' + [...e.children].map((c) => walk(c, d + 1)).join(''); let up = t, chain = ''; for (let i = 0; i < 6 && up; i++, up = up.parentElement) chain += up.tagName + '.' + up.getAttribute('class') + ' < '; return chain + '\n' + walk(t, 0); }));
  await expectModel(page, { productLevel: '国内先进', trademarks: 3, patents: 2, qms: [{ standard: 'GB/T 19001-2016', number: '', validUntil: PROFILE['applicant.qmsCertificates'][0].validUntil }] }, `${lib}: 资质条件 prefilled into the page's model`);
  await radio(page, '推行卓越绩效评价准则取得显著成效', '是');
  await radio(page, '经营规模、上缴税收、总资产贡献率居市内同行业领先', '是');
  await radio(page, '认真履行社会责任，社会贡献突出', '是');
  const y = Number(yearsAgo(0).slice(0, 4));
  await addNumberRow(page, '质量管理岗位人员情况', [y - 2, 12, 40]);
  await addNumberRow(page, '质量管理岗位人员情况', [y - 1, 16, 40]);
  await screenshot(page, `library-prefill-${lib}-qualification`);
  await next(page);
  await item(page, '重大质量投诉次数').waitFor({ timeout: 5000 }).catch(() => { throw new Error(`${lib}: the step button did not move on from 资质条件`); });

  // 合规声明: the exporter radio from the profile; the rest typed by the person
  await prefill(panel, page, lib, 'compliance');
  await expectModel(page, { exporter: '否' }, `${lib}: 是否为出口企业 prefilled`);
  await radio(page, '诚信记录和社会声誉良好', '是');
  await type(page, '重大质量投诉次数', 0);
  await type(page, '因自身责任引起的质量异议、索赔和退货次数', 0);
  await radio(page, '是否有重大劳动保障失信记录', '否');
  await radio(page, '是否有其他违法违规不良记录', '否');
  await item(page, '承诺所填信息真实、准确、完整').getByText('是，本单位/本人确认').click();
  await expectModel(page, { pledge: true, complaints: 0 }, `${lib}: 合规声明 typed`);
  await eventually(async () => (await verdictOf(panel)) === 'eligible', { timeout: 12_000, message: `${lib}: verdict 可以申报 once the whole form is filled` }).catch(async (e) => {
    await screenshot(panel, `library-prefill-${lib}-failed-panel`);
    throw e;
  });
  await screenshot(page, `library-prefill-${lib}-compliance`);
  await screenshot(panel, `library-prefill-${lib}-eligible-panel`);
  await panel.close();
  await page.close();
}

/**
 * A plain portal form whose 所属行业 is a native <select multiple>: 填入资料 chooses every industry of the
 * profile, and the form would submit exactly those (FormData), as the page's own change handler saw them.
 */
async function nativeMultiple({ context, extUrl, portal }) {
  await saveProfile(context, extUrl);
  const page = await context.newPage();
  await page.goto(`${portal.url}/app/apply/native-multiple.html`);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 760 });
  await panel.goto(extUrl('sidepanel.html'));
  await page.bringToFront();
  await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'native multiple: the panel follows the form' });
  assertEqual(JSON.stringify(await page.evaluate(() => window.__formData().industry)), '[]', 'native multiple: nothing chosen before 填入资料');
  await prefill(panel, page, 'native-multiple', 'basic');
  // 制造业 and 服务业 are the options whose values are C and S
  await eventually(async () => JSON.stringify(await page.evaluate(() => window.__formData().industry)) === '["C","S"]', { message: `native multiple: the form submits the profile's industries (${JSON.stringify(await page.evaluate(() => window.__formData()))})` });
  assertEqual(JSON.stringify(await page.evaluate(() => window.__formModel().industry)), '["C","S"]', "native multiple: the page's change handler saw the same choice");
  assertEqual(await page.evaluate(() => window.__formData().orgName), PROFILE['applicant.name'], 'native multiple: the name beside it filled too');
  const filled = await panel.getByTestId('prefill-filled').innerText();
  assert(filled.includes('所属行业'), `native multiple: the report names 所属行业 as filled (${filled})`);
  await screenshot(page, 'library-prefill-native-multiple');
  await panel.close();
  await page.close();
}

export const tests = [
  ...LIBS.map((lib) => ({
    name: `${lib}: 填入资料 fills text, date, radio, select and a table row through the library's widgets (checked in the page's model); the person fills the rest; 可以申报`,
    run: (env) => run(env, lib),
  })),
  { name: "native <select multiple>: 填入资料 chooses the profile's industries; the form would submit exactly those (FormData)", run: nativeMultiple },
];
