// Icons and toolbar states: the package carries the icons the manifest names (made at build from
// assets/icons/*.svg), and the background sets each portal tab's icon, badge and tooltip from that
// tab's pre-check verdict (src/messaging/toolbar-state.ts).
import { assert, eventually } from './harness.mjs';

function isoYearsAgo(years) {
  const d = new Date(Date.now() + 8 * 3600_000); // China time
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** The toolbar as the browser holds it for the tab showing `url`. */
async function toolbarOf(sw, url) {
  return sw.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    if (!tab) return null;
    return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }), color: await chrome.action.getBadgeBackgroundColor({ tabId: tab.id }) };
  }, url);
}

export const tests = [
  {
    name: 'the manifest names icons at 16/32/48/128 and each is a PNG of that size in the package',
    async run(env) {
      const manifest = await env.sw.evaluate(() => chrome.runtime.getManifest());
      const page = await env.context.newPage();
      await page.goto(env.extUrl('options.html'));
      for (const [size, file] of Object.entries(manifest.icons)) {
        assert(manifest.action.default_icon[size] === file, `action icon ${size} is the manifest icon`);
        for (const variant of [file, file.replace('.png', '-eligible.png'), file.replace('.png', '-attention.png')]) {
          const dims = await page.evaluate(async (src) => {
            const img = new Image();
            img.src = `/${src}`;
            await img.decode();
            return [img.naturalWidth, img.naturalHeight];
          }, variant);
          assert(dims[0] === Number(size) && dims[1] === Number(size), `${variant} is ${size}×${size}: ${dims}`);
        }
      }
      assert(Object.keys(manifest.icons).join() === '16,32,48,128', `sizes ${Object.keys(manifest.icons)}`);
      await page.close();
    },
  },
  {
    name: 'a portal tab gets the attention badge for a failing clause; the global badge stays neutral',
    async run(env) {
      const page = await env.context.newPage();
      const url = `${env.portal.url}/app/apply/a/basic`;
      await page.goto(url);
      await page.getByLabel('成立日期').fill(isoYearsAgo(2)); // 第八条(一): 3 years
      const attention = await eventually(async () => {
        const t = await toolbarOf(env.sw, url);
        return t && /^\d+$/.test(t.text) && t.title.includes('不符合') ? t : null;
      }, { message: 'attention badge with a count' });
      assert(attention.color[0] > 150 && attention.color[1] < 100, `a failing clause badge is red: ${attention.color}`);
      const plain = await env.context.newPage();
      await plain.goto(env.extUrl('options.html'));
      const neutral = await env.sw.evaluate(async () => chrome.action.getBadgeText({}));
      assert(neutral === '', `the global (neutral) badge is empty: "${neutral}"`);
      await plain.close();
      await page.close();
    },
  },
];
