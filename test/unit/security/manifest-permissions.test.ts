import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config.ts';
import { EXTENSION_PAGES_CSP, PORTAL_OPTIONAL_ORIGINS } from '../../../src/permissions/origins.ts';

/**
 * The manifest's permissions are a reviewed list: adding one must be a deliberate change to this
 * snapshot (and to SECURITY.md), never a side effect. The built manifest (which WXT may extend, e.g.
 * with content-script hosts) is checked too, in test/e2e/security-manifest.e2e.mjs.
 */
type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' }) => Record<string, unknown>;

function manifestFor(browser: 'chrome' | 'firefox', mode: 'production' | 'demo' = 'demo') {
  const fn = config.manifest as unknown as ManifestFn;
  return fn({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode, command: 'build' });
}

const PERMISSIONS = ['storage', 'scripting', 'contextMenus'];
const INSTALL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const OPTIONAL_PORTALS = ['https://*.jszwfw.gov.cn/*', 'https://*.lyg.gov.cn/*'];

describe('manifest permissions (snapshot: fails on any addition)', () => {
  it('Chrome MV3: storage + scripting + contextMenus, the demo portal at install, the real portals optional', () => {
    const m = manifestFor('chrome');
    expect(m.permissions).toEqual(PERMISSIONS);
    expect(m.host_permissions).toEqual(INSTALL_HOSTS);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_PORTALS);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('Firefox MV2: the same, with the optional portals in optional_permissions', () => {
    const m = manifestFor('firefox');
    expect(m.permissions).toEqual(PERMISSIONS);
    expect(m.host_permissions).toEqual(INSTALL_HOSTS); // WXT moves these into permissions for MV2
    expect(m.optional_permissions).toEqual(OPTIONAL_PORTALS);
    expect(m.optional_host_permissions).toBeUndefined();
    expect((m.browser_specific_settings as any).gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('release build (issue 15): no local origins at all, the real portals only as optional permissions', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestFor(browser, 'production');
      expect(m.host_permissions).toBeUndefined();
      expect(JSON.stringify(m)).not.toMatch(/127\.0\.0\.1|localhost/);
      expect(browser === 'chrome' ? m.optional_host_permissions : m.optional_permissions).toEqual(OPTIONAL_PORTALS);
    }
  });

  it('never asks for every site', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const text = JSON.stringify(manifestFor(browser));
      expect(text).not.toContain('<all_urls>');
      expect(text).not.toMatch(/"(\*|https?):\/\/\*\/\*"/);
    }
    for (const origin of PORTAL_OPTIONAL_ORIGINS) expect(origin).toMatch(/^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)*\.gov\.cn\/\*$/);
  });

  it('keeps the strict extension-page CSP: scripts from the package only, no eval, no Wasm', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(manifestFor(browser).content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
    }
    expect(EXTENSION_PAGES_CSP).toBe("script-src 'self'; object-src 'self';");
    expect(EXTENSION_PAGES_CSP).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
  });
});
