// The BUILT manifest (what the browser sees, after WXT added its own keys) asks for nothing beyond
// the reviewed list, keeps the strict CSP, and the options page shows the portal permissions and backup.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, EXT_PATH, screenshot } from './harness.mjs';

// sidePanel is added by WXT for the side panel entrypoint; everything else is ours (wxt.config.ts).
const ALLOWED_PERMISSIONS = ['contextMenus', 'scripting', 'sidePanel', 'storage'];
const INSTALL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_HOSTS = ['https://*.jszwfw.gov.cn/*', 'https://*.lyg.gov.cn/*'];

export const tests = [
  {
    name: 'built manifest: reviewed permissions only, portals optional, strict CSP, nothing web-reachable',
    async run() {
      const manifest = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8'));
      assertEqual(JSON.stringify([...manifest.permissions].sort()), JSON.stringify(ALLOWED_PERMISSIONS), 'permissions');
      assertEqual(JSON.stringify(manifest.host_permissions), JSON.stringify(INSTALL_HOSTS), 'install-time hosts: the demo portal only');
      assertEqual(JSON.stringify(manifest.optional_host_permissions), JSON.stringify(OPTIONAL_HOSTS), 'optional hosts: the real portals');
      assertEqual(manifest.content_security_policy?.extension_pages, "script-src 'self'; object-src 'self';", 'extension page CSP');
      assert(!('externally_connectable' in manifest), 'no externally_connectable: web pages cannot message the extension');
      assert(!('web_accessible_resources' in manifest) || manifest.web_accessible_resources.length === 0, 'no web-accessible resources');
      for (const cs of manifest.content_scripts ?? []) {
        assertEqual(JSON.stringify(cs.matches), JSON.stringify(INSTALL_HOSTS), 'static content script runs on the demo portal only');
      }
      const text = JSON.stringify(manifest);
      assert(!text.includes('<all_urls>') && !/"(\*|https?):\/\/\*\/\*"/.test(text), 'never every site');
    },
  },
  {
    name: 'built package contains no Function constructor call and no innerHTML write',
    async run() {
      const offenders = [];
      const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.js')) {
            const code = fs.readFileSync(full, 'utf8');
            if (/(?<![\w$.])Function\(\s*[`'"]/.test(code) || /\bnew Function\(/.test(code)) offenders.push(`${entry.name}: Function constructor`);
            if (/\.innerHTML\s*=(?!=)/.test(code)) offenders.push(`${entry.name}: innerHTML write`);
            if (/(?<![\w$.])eval\(/.test(code)) offenders.push(`${entry.name}: eval`);
          }
        }
      };
      walk(EXT_PATH);
      assertEqual(JSON.stringify(offenders), '[]', 'dynamic code in the build');
    },
  },
  {
    name: 'options page shows portal permissions (demo granted, portals not yet) and the backup section',
    async run(env) {
      const page = await env.context.newPage();
      await page.goto(env.extUrl('options.html'));
      await page.waitForSelector('[data-testid="portal-site-jszwfw"]');
      assertEqual(await page.getAttribute('[data-testid="portal-site-jszwfw"]', 'data-granted'), 'no', 'Jiangsu portal not granted at install');
      assertEqual(await page.getAttribute('[data-testid="portal-site-lyg"]', 'data-granted'), 'no', 'Lianyungang sites not granted at install');
      assert((await page.textContent('[data-testid="portal-site-demo"]')).includes('安装时已允许'), 'demo portal listed as granted at install');
      await page.waitForSelector('[data-testid="backup-export"]');
      await page.waitForSelector('[data-testid="persist-status"]');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-export"]')]);
      assert(/^award-pilot-backup-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()), `backup file name: ${download.suggestedFilename()}`);
      const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assertEqual(saved.format, 'lyg-award/backup@1', 'downloaded backup format');
      await screenshot(page, 'options-permissions-backup');
      await page.close();
    },
  },
];
