// The REAL side panel (not sidepanel.html in a tab): opened the way a person opens it, by the toolbar
// action (CDP Extensions.triggerAction on the tab target, with openPanelOnActionClick), then driven
// over a raw CDP target session, because Playwright does not list the panel as a Page.
import fs from 'node:fs';
import path from 'node:path';
import { eventually, SCREENSHOTS } from './harness.mjs';

async function attachRaw(cdp, targetId) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map();
  const onMessage = (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message);
    const p = msg.id && pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  return {
    send,
    async evaluate(expression) {
      const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluate failed');
      return r.result.value;
    },
    async screenshot(name) {
      // A side panel that has just opened may not have a compositor frame yet: Chromium then answers
      // "Unable to capture screenshot". Wait for two animation frames and try again, a bounded number of times.
      const data = await eventually(
        async () => {
          await send('Runtime.evaluate', {
            expression: 'new Promise((r) => { setTimeout(r, 250); requestAnimationFrame(() => requestAnimationFrame(() => r(true))); })',
            awaitPromise: true,
          }).catch(() => undefined);
          return (await send('Page.captureScreenshot', { format: 'png' }).catch(() => null))?.data;
        },
        { message: `screenshot of the real side panel (${name})` },
      );
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
      return file;
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** Clicks the toolbar action on the tab showing `tabUrl`; resolves to a handle on the opened panel. */
export async function openRealSidePanel({ context, extId, sw, tabUrl }) {
  await eventually(() => sw.evaluate(() => chrome.sidePanel.getPanelBehavior().then((b) => b.openPanelOnActionClick)), {
    message: 'openPanelOnActionClick set by the background',
  });
  const cdp = await context.browser().newBrowserCDPSession();
  const panelUrl = `chrome-extension://${extId}/sidepanel.html`;
  const targets = async () => (await cdp.send('Target.getTargets', { filter: [{}] })).targetInfos;
  const before = new Set((await targets()).filter((t) => t.url.startsWith(panelUrl)).map((t) => t.targetId));
  const tab = await eventually(async () => (await targets()).find((t) => t.type === 'tab' && t.url === tabUrl), { message: `tab target for ${tabUrl}` });
  await cdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId });
  const panel = await eventually(async () => (await targets()).find((t) => t.type === 'page' && t.url.startsWith(panelUrl) && !before.has(t.targetId)), {
    message: 'side panel target after the toolbar action',
  });
  const raw = await attachRaw(cdp, panel.targetId);
  const detach = raw.detach;
  raw.detach = async () => {
    await detach();
    await cdp.detach().catch(() => undefined);
  };
  return raw;
}
