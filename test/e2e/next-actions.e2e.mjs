// 下一步 (issue 13 §1): each next action is a link that moves the cursor to its field on the portal page.
// A real (trusted) click in the side panel → panel/focus-field → field/focus in the content script; the
// portal page's focused element must be the field the link names. A field on another step says so.
import { assert, eventually } from './harness.mjs';

export const tests = [
  {
    name: 'a 下一步 link focuses its field on the portal page and says so in the panel',
    async run({ context, extUrl, portal }) {
      const page = await context.newPage();
      await page.goto(`${portal.url}/app/apply/a/basic?seed=31`);
      await page.getByLabel('单位名称', { exact: true }).waitFor();
      // a recent founding date: 成立日期 fails and leads the next actions
      await page.getByLabel('成立日期', { exact: true }).fill(new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10));
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 400, height: 800 });
      await panel.goto(extUrl('sidepanel.html'));
      await page.bringToFront();
      const links = panel.locator('.next-link');
      // the panel first follows the form (on a loaded 2-core box its first reading can take longer than the 8 s default)
      await eventually(async () => (await panel.locator('[data-testid="where"]').innerText()).includes('申报表'), { message: 'the panel follows the form', timeout: 30_000 });
      await eventually(async () => (await links.count()) > 0, { message: 'next actions listed', timeout: 30_000 });
      const first = links.first();
      const label = (await first.innerText()).match(/[“"](.+)[”"]/)?.[1];
      assert(label, `the link names its field: ${await first.innerText()}`);
      await page.getByLabel('单位名称', { exact: true }).focus(); // the cursor is elsewhere first
      await first.click();
      const focusedLabel = () => page.evaluate(() => {
        const el = document.activeElement;
        const id = el?.id;
        const lab = (id && document.querySelector(`label[for="${CSS.escape(id)}"]`)) || el?.closest('.el-form-item, .ant-form-item, .form-item')?.querySelector('label');
        return lab?.textContent?.replace(/[*\s]/g, '') ?? el?.getAttribute('aria-label') ?? '';
      });
      await eventually(async () => (await focusedLabel()).includes(label), { message: `focus on “${label}” (now on “${await focusedLabel().catch(() => '?')}”)` });
      await eventually(async () => (await panel.locator('.next-said').first().innerText()).includes(label), { message: 'the panel says where the cursor went' });
      await panel.close();
      await page.close();
    },
  },
];
