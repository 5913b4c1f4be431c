import { useEffect, useState } from 'preact/hooks';
import { bi, type Bilingual } from '../../core/i18n.ts';
import {
  DEMO_PORTAL_MATCHES,
  portalSiteStatus,
  requestPortalAccess,
  revokePortalAccess,
  type PermissionsApi,
  type PortalSite,
} from '../../permissions/portal-origins.ts';
import { isLocked, managed, tx } from '../lang.ts';
import { Bi } from './storage-text.tsx';
import './storage-sections.css';

type Row = { site: PortalSite; granted: boolean };

function hasDemoOrigins(api?: PermissionsApi): boolean {
  try {
    const manifest = (api ?? (globalThis as { chrome?: PermissionsApi }).chrome)?.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] } | undefined;
    const hosts = [...(manifest?.host_permissions ?? []), ...(manifest?.permissions ?? [])];
    return DEMO_PORTAL_MATCHES.some((m) => hosts.includes(m));
  } catch {
    return false;
  }
}

/**
 * Portal access, asked for one site at a time from a click (permissions.request needs a user gesture).
 * `api` is for tests; the options page mounts it with no props.
 */
export default function PermissionsSection({ api }: { api?: PermissionsApi } = {}) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: Bilingual } | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the demo build (npm start, e2e) grants the local demo portal; a release build has no local origin.
  const demoBuild = hasDemoOrigins(api);
  // the office's browser policy may lock the portal list: its sites cannot be revoked, others not added (issue 17)
  const locked = isLocked('portalSites');
  const preset = managed.value?.portalSites ?? [];

  const refresh = () =>
    portalSiteStatus(api).then(setRows, () => setMessage({ ok: false, text: bi('无法读取站点权限。', 'Could not read the site permissions.') }));
  useEffect(() => {
    void refresh();
  }, []);

  async function grant(site: PortalSite) {
    setBusy(true);
    try {
      const ok = await requestPortalAccess(site, api);
      setMessage(
        ok
          ? { ok: true, text: bi(`已允许在“${site.name.zh}”上运行。请刷新已打开的门户页面。`, `Allowed on “${site.name.en}”. Reload portal pages that are already open.`) }
          : { ok: false, text: bi('未获得授权，扩展不会在该站点运行。', 'Not allowed; the extension will not run on that site.') },
      );
    } catch {
      setMessage({ ok: false, text: bi('浏览器拒绝了授权请求。', 'The browser refused the permission request.') });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function revoke(site: PortalSite) {
    setBusy(true);
    try {
      await revokePortalAccess(site, api);
      setMessage({ ok: true, text: bi(`已撤销“${site.name.zh}”的访问权限。`, `Access to “${site.name.en}” was revoked.`) });
    } catch {
      setMessage({ ok: false, text: bi('撤销失败，请在浏览器的扩展管理页中操作。', 'Revoking failed; use the browser’s extension settings instead.') });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  return (
    <section class="ap-section" aria-label={tx({ zh: '门户站点权限', en: 'Portal site access' })} data-testid="permissions-section">
      <p>
        <Bi
          text={bi(
            '扩展只在你允许的政务门户上读取申报表单，数据只保存在本机。未授权的站点上它不会运行。',
            'The extension reads application forms only on the government portals you allow, and keeps the data on this computer. It does not run on any other site.',
          )}
        />
      </p>
      {rows === null ? (
        <p aria-busy="true">
          <Bi text={bi('正在读取…', 'Loading…')} />
        </p>
      ) : (
        <ul class="ap-list">
          {rows.map(({ site, granted }) => (
            <li key={site.id} data-testid={`portal-site-${site.id}`} data-granted={granted ? 'yes' : 'no'}>
              <span>
                <strong><Bi text={site.name} /></strong>
                <br />
                <span class="ap-origin">{site.origins.join(', ')}</span>
                <br />
                <small><Bi text={site.why} /></small>
              </span>
              <span class={`ap-badge ${granted ? 'ap-ok' : ''}`}>
                <Bi text={granted ? bi('已允许', 'Allowed') : bi('未允许', 'Not allowed')} />
              </span>
              {locked && (granted ? preset.includes(site.id) : !preset.includes(site.id)) ? (
                <small class="ap-locked" data-testid={`locked-${site.id}`}>
                  <Bi text={bi('🔒 由单位统一设置', '🔒 Set by your office')} />
                </small>
              ) : granted ? (
                <button type="button" onClick={() => revoke(site)} disabled={busy} data-testid={`revoke-${site.id}`}>
                  <Bi text={bi('撤销', 'Revoke')} />
                </button>
              ) : (
                <button type="button" class="ap-primary" onClick={() => grant(site)} disabled={busy} data-testid={`grant-${site.id}`}>
                  <Bi text={bi('允许访问', 'Allow')} />
                </button>
              )}
            </li>
          ))}
          {demoBuild ? <li data-testid="portal-site-demo">
            <span>
              <strong><Bi text={bi('本机演示门户（开发与测试）', 'Local demo portal (development and tests)')} /></strong>
              <br />
              <span class="ap-origin">{DEMO_PORTAL_MATCHES.join(', ')}</span>
            </span>
            <span class="ap-badge ap-ok">
              <Bi text={bi('安装时已允许', 'Allowed at install')} />
            </span>
          </li> : null}
        </ul>
      )}
      {message ? (
        <p class={message.ok ? 'ap-ok' : 'ap-error'} role="status" data-testid="permissions-status">
          <Bi text={message.text} />
        </p>
      ) : null}
    </section>
  );
}
