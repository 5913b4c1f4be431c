import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DYNAMIC_PORTAL_SCRIPT_ID,
  grantedPortalOrigins,
  PORTAL_SITES,
  requestPortalAccess,
  revokePortalAccess,
  syncPortalContentScripts,
  watchPortalPermissions,
  type PermissionsApi,
} from '../../../src/permissions/portal-origins.ts';
import PermissionsSection from '../../../src/ui/options/PermissionsSection.tsx';

afterEach(cleanup);

/** A browser that grants what the user clicks "allow" on, and keeps registered scripts in memory. */
function fakeBrowser({ userSays = true } = {}) {
  const granted = new Set<string>(['http://127.0.0.1/*', 'http://localhost/*']);
  const registered = new Map<string, { id: string; matches: string[]; js?: string[] }>();
  type Change = { origins?: string[] };
  const listeners: { added: ((p: Change) => void)[]; removed: ((p: Change) => void)[] } = { added: [], removed: [] };
  const api: PermissionsApi = {
    permissions: {
      request: vi.fn(async ({ origins = [] }: Change) => {
        if (!userSays) return false;
        origins.forEach((o) => granted.add(o));
        listeners.added.forEach((l) => l({ origins }));
        return true;
      }),
      remove: vi.fn(async ({ origins = [] }: Change) => {
        origins.forEach((o) => granted.delete(o));
        listeners.removed.forEach((l) => l({ origins }));
        return true;
      }),
      getAll: async () => ({ origins: [...granted], permissions: ['storage', 'scripting'] }),
      contains: async ({ origins = [] }) => origins.every((o) => granted.has(o)),
      onAdded: { addListener: (cb) => void listeners.added.push(cb) },
      onRemoved: { addListener: (cb) => void listeners.removed.push(cb) },
    },
    runtime: {
      getManifest: () => ({ host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'], content_scripts: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content-scripts/portal.js'], run_at: 'document_idle' }] }),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids } = {}) => [...registered.values()].filter((s) => !ids || ids.includes(s.id)),
      registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[]; js?: string[] }[]) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      }),
      updateContentScripts: vi.fn(async (scripts: { id: string; matches: string[]; js?: string[] }[]) => void scripts.forEach((s) => registered.set(s.id, s))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids?: string[] } = {}) => void (ids ?? [...registered.keys()]).forEach((id) => registered.delete(id))),
    },
  };
  return { api, granted, registered };
}

const jiangsu = PORTAL_SITES.find((s) => s.id === 'jszwfw')!;
const lianyungang = PORTAL_SITES.find((s) => s.id === 'lyg')!;

describe('portal origins: optional, asked for per site, content script follows the grants', () => {
  it('release build (no static content script, no local origins): granting still registers the built portal script', async () => {
    const { api, registered, granted } = fakeBrowser();
    granted.clear();
    api.runtime.getManifest = () => ({});
    expect(await requestPortalAccess(jiangsu, api)).toBe(true);
    expect(registered.get(DYNAMIC_PORTAL_SCRIPT_ID)).toMatchObject({ matches: ['https://*.jszwfw.gov.cn/*'], js: ['content-scripts/portal.js'] });
  });

  it('the real portals are narrow gov.cn patterns', () => {
    expect(PORTAL_SITES.flatMap((s) => s.origins)).toEqual(['https://*.jszwfw.gov.cn/*', 'https://*.lyg.gov.cn/*']);
  });

  it('granting registers the portal content script on exactly the granted origins; revoking removes it', async () => {
    const { api, registered } = fakeBrowser();
    expect(await requestPortalAccess(jiangsu, api)).toBe(true);
    expect(api.permissions.request).toHaveBeenCalledWith({ origins: ['https://*.jszwfw.gov.cn/*'] });
    expect(registered.get(DYNAMIC_PORTAL_SCRIPT_ID)).toMatchObject({ matches: ['https://*.jszwfw.gov.cn/*'], js: ['content-scripts/portal.js'] });
    await requestPortalAccess(lianyungang, api);
    expect(registered.get(DYNAMIC_PORTAL_SCRIPT_ID)?.matches).toEqual(['https://*.jszwfw.gov.cn/*', 'https://*.lyg.gov.cn/*']);
    await revokePortalAccess(jiangsu, api);
    expect(registered.get(DYNAMIC_PORTAL_SCRIPT_ID)?.matches).toEqual(['https://*.lyg.gov.cn/*']);
    await revokePortalAccess(lianyungang, api);
    expect(registered.has(DYNAMIC_PORTAL_SCRIPT_ID)).toBe(false);
    expect(await grantedPortalOrigins(api)).toEqual([]);
  });

  it('a refusal registers nothing', async () => {
    const { api, registered } = fakeBrowser({ userSays: false });
    expect(await requestPortalAccess(jiangsu, api)).toBe(false);
    expect(registered.size).toBe(0);
  });

  it('never asks for an origin that is not a declared portal', async () => {
    const { api } = fakeBrowser();
    expect(await requestPortalAccess({ ...jiangsu, origins: ['https://*/*', '<all_urls>'] }, api)).toBe(false);
    expect(api.permissions.request).not.toHaveBeenCalled();
  });

  it('the background re-syncs when grants change anywhere (e.g. the browser’s own site-access menu)', async () => {
    const { api, registered, granted } = fakeBrowser();
    watchPortalPermissions(api);
    granted.add('https://*.lyg.gov.cn/*'); // granted outside our UI
    await syncPortalContentScripts(api);
    expect(registered.get(DYNAMIC_PORTAL_SCRIPT_ID)?.matches).toEqual(['https://*.lyg.gov.cn/*']);
    await api.permissions.remove({ origins: ['https://*.lyg.gov.cn/*'] });
    await waitFor(() => expect(registered.has(DYNAMIC_PORTAL_SCRIPT_ID)).toBe(false));
  });
});

describe('PermissionsSection', () => {
  it('lists the portals, grants on click and revokes, in Chinese and English', async () => {
    const { api } = fakeBrowser();
    render(<PermissionsSection api={api} />);
    const row = await screen.findByTestId('portal-site-jszwfw');
    expect(row.textContent).toContain('江苏政务服务网');
    expect(row.textContent).toContain('https://*.jszwfw.gov.cn/*');
    expect(row.dataset.granted).toBe('no');
    fireEvent.click(screen.getByTestId('grant-jszwfw'));
    await waitFor(() => expect(screen.getByTestId('portal-site-jszwfw').dataset.granted).toBe('yes'));
    expect(screen.getByTestId('permissions-status').textContent).toContain('已允许');
    expect(screen.getByTestId('permissions-status').textContent).toContain('Allowed');
    fireEvent.click(screen.getByTestId('revoke-jszwfw'));
    await waitFor(() => expect(screen.getByTestId('portal-site-jszwfw').dataset.granted).toBe('no'));
    expect(screen.getByTestId('portal-site-demo').textContent).toContain('安装时已允许');
  });

  it('says so when the user declines', async () => {
    const { api } = fakeBrowser({ userSays: false });
    render(<PermissionsSection api={api} />);
    fireEvent.click(await screen.findByTestId('grant-lyg'));
    await waitFor(() => expect(screen.getByTestId('permissions-status').textContent).toContain('未获得授权'));
  });
});

describe('PermissionsSection under a locked managed policy (issue 17)', () => {
  it('a preset, granted portal cannot be revoked and a portal outside the preset cannot be added', async () => {
    const { managed } = await import('../../../src/ui/lang.ts');
    const { api, granted } = fakeBrowser();
    jiangsu.origins.forEach((o) => granted.add(o));
    managed.value = { language: null, focusTips: null, locked: ['portalSites'], portalSites: ['jszwfw'] };
    try {
      render(<PermissionsSection api={api} />);
      await screen.findByTestId('portal-site-jszwfw');
      await waitFor(() => expect(screen.getByTestId('portal-site-jszwfw').dataset.granted).toBe('yes'));
      expect(screen.queryByTestId('revoke-jszwfw')).toBeNull();
      expect(screen.getByTestId('locked-jszwfw')).toBeTruthy();
      expect(screen.queryByTestId('grant-lyg')).toBeNull();
      expect(screen.getByTestId('locked-lyg')).toBeTruthy();
    } finally {
      managed.value = null;
    }
    cleanup();
    // unlocked, the same preset is only a suggestion: both buttons are offered
    render(<PermissionsSection api={api} />);
    expect(await screen.findByTestId('revoke-jszwfw')).toBeTruthy();
    expect(screen.getByTestId('grant-lyg')).toBeTruthy();
  });
});
