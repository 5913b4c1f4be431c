// Adapter repair by pointing: the portal's next release renames a label (?release=2), the field is
// reported as an anchor miss, staff re-anchor it from the options page, and it works at once.
import { assert, eventually, screenshot } from './harness.mjs';
import { tapMessages, clearTap, latest } from './portal-fields.e2e.mjs';

function isoYearsAgo(years) {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

export const tests = [
  {
    name: 'renamed label → anchor miss → pick on page from the options page → the field is read and checked again',
    async run(env) {
      await tapMessages(env.sw);
      await clearTap(env.sw);
      const portal = await env.context.newPage();
      await portal.goto(`${env.portal.url}/app/apply/a/basic?release=2`);
      await portal.getByLabel('注册成立时间').waitFor();
      // The other basic-step fields are found, so the missing one is reported (not guessed).
      const miss = await eventually(async () => {
        const m = await env.sw.evaluate(() => globalThis.__portalTap.filter((x) => x.msg.type === 'portal/anchor-miss').map((x) => x.msg));
        return m.find((x) => x.field === 'applicant.establishedOn');
      }, { message: 'anchor miss for 成立日期', timeout: 8000 });
      assert(miss.tried.some((t) => t.includes('成立日期→0')), `tried list says what failed: ${miss.tried.join(' | ')}`);
      const snap = await latest(env.sw, 'portal/snapshot', 'release=2');
      assert(snap.fields.find((f) => f.key === 'applicant.establishedOn')?.found === false, 'not bound to anything else');

      const options = await env.context.newPage();
      await options.goto(env.extUrl('options.html'));
      const section = options.getByTestId('adapter-section');
      await eventually(() => section.locator('tr[data-miss="applicant.establishedOn"]').count(), { message: 'miss listed on the options page' });
      await section.getByRole('button', { name: /^(字段|Fields)$/ }).click();
      const row = section.locator('tr[data-field="applicant.establishedOn"]');
      await row.getByRole('button', { name: /在页面上选取/ }).click();
      await eventually(async () => (await section.locator('.adapters-notice').textContent())?.includes('请切换到申报页面'), { message: 'picker started' });
      await portal.bringToFront();
      await portal.getByLabel('注册成立时间').click();
      await eventually(async () => (await section.locator('.adapters-notice').textContent())?.includes('已更新'), { message: 'adapter updated' });
      assert((await row.locator('li').first().textContent()).includes('注册成立时间'), 'new label locator first');
      await screenshot(options, 'portal-repair-options');

      // No reload: the content script picks up the saved adapter and the rule check works again.
      await portal.bringToFront();
      await portal.getByLabel('注册成立时间').fill(isoYearsAgo(1));
      await eventually(() => portal.evaluate(() => !!document.querySelector('award-pilot-hints')?.shadowRoot?.querySelector('.badges[data-field="applicant.establishedOn"]:not([hidden]) .badge[data-tone="fail"]')), { message: 'red 8.1 badge on the re-anchored field' });
      await screenshot(portal, 'portal-repair-portal');
      await options.close();
      await portal.close();
    },
  },
];
