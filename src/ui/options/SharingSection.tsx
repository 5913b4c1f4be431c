import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bilingual } from '../../core/i18n.ts';
import { entry } from '../../i18n/define.ts';
import { sharing as S } from '../../i18n/messages/sharing.ts';
import { msg, tx } from '../lang.ts';
import {
  clearSharingConfig,
  declaredFor,
  getSharingConfig,
  getSharingStatus,
  onSharingStatus,
  originPattern,
  requestSharingRestart,
  saveSharingConfig,
  sharingConfigSchema,
  type SharingStatus,
} from '../../sharing/config.ts';
import { Bi } from './storage-text.tsx';
import './storage-sections.css';
import './sharing-section.css';
import { DraftSharing } from './DraftSharing.tsx';

interface PermissionsLike {
  permissions: { request(p: { origins: string[] }): Promise<boolean>; contains?(p: { origins: string[] }): Promise<boolean> };
  runtime: { getManifest(): { host_permissions?: string[]; optional_host_permissions?: string[]; permissions?: string[]; optional_permissions?: string[] } };
}
// Firefox's `chrome.*` takes callbacks and returns nothing; its `browser.*` returns promises (Chromium: chrome.*)
const defaultApi = () => (globalThis as { browser?: PermissionsLike }).browser ?? (globalThis as { chrome?: PermissionsLike }).chrome;

function declaredHosts(api: PermissionsLike | undefined): string[] {
  const m = api?.runtime.getManifest();
  return [...(m?.host_permissions ?? []), ...(m?.optional_host_permissions ?? []), ...(m?.permissions ?? []), ...(m?.optional_permissions ?? [])].filter((p) => p.includes('://'));
}

const STATES = ['off', 'connecting', 'active', 'idle', 'offline', 'error'] as const;

/**
 * 共享: the office's CouchDB address, user and password; the browser is asked for that server's origin
 * only, from the click (permissions.request needs the gesture). Shows the replication's state, the last
 * complete sync, refused documents and conflicts (src/sharing). Off unless filled in.
 */
export default function SharingSection({ api = defaultApi() }: { api?: PermissionsLike } = {}) {
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [configured, setConfigured] = useState(false);
  const [status, setStatus] = useState<SharingStatus | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: Bilingual } | null>(null);
  const [busy, setBusy] = useState(false);

  // origins the browser already allows (the demo build's 127.0.0.1): Firefox holds permissions.request
  // for one of them on a prompt that never shows, so those are not asked for again. Looked up as the
  // address is typed, because the click must call request() at once (the gesture) when it is needed.
  const granted = useRef(new Map<string, boolean>());
  useEffect(() => {
    if (!api?.permissions.contains || !URL.canParse(url.trim()) || !/^https?:$/.test(new URL(url.trim()).protocol)) return;
    const pattern = originPattern(url.trim());
    try {
      void api.permissions.contains({ origins: [pattern] }).then(
        (yes) => granted.current.set(pattern, yes),
        () => undefined,
      );
    } catch {
      // Firefox throws at once for an address still being typed ("http://127./*")
    }
  }, [url, api]);

  useEffect(() => {
    void getSharingConfig().then((c) => {
      if (!c) return;
      setUrl(c.url);
      setUser(c.user);
      setPassword(c.password);
      setConfigured(c.enabled);
    });
    void getSharingStatus().then(setStatus);
    return onSharingStatus(setStatus);
  }, []);

  function connect(e: Event) {
    e.preventDefault();
    const parsed = sharingConfigSchema.safeParse({ url, user, password, enabled: true });
    if (!parsed.success) {
      const [zh, en] = (parsed.error.issues[0]?.message ?? '').split(' / ');
      setMessage({ ok: false, text: { zh: zh ?? '', en: en ?? zh ?? '' } });
      return;
    }
    const config = parsed.data;
    if (!declaredFor(config.url, declaredHosts(api))) {
      setMessage({ ok: false, text: entry(S, 'notDeclared') });
      return;
    }
    setBusy(true);
    // first thing in the click: the browser only asks from a user gesture
    const pattern = originPattern(config.url);
    const asked = !api || granted.current.get(pattern) ? Promise.resolve(true) : api.permissions.request({ origins: [pattern] });
    void asked
      .then(async (granted) => {
        if (!granted) {
          setMessage({ ok: false, text: entry(S, 'denied') });
          return;
        }
        await saveSharingConfig(config);
        setConfigured(true);
        setMessage({ ok: true, text: entry(S, 'saved') });
        requestSharingRestart();
      })
      .catch(() => setMessage({ ok: false, text: entry(S, 'denied') }))
      .finally(() => setBusy(false));
  }

  async function stop() {
    setBusy(true);
    await clearSharingConfig();
    setConfigured(false);
    requestSharingRestart();
    setMessage({ ok: true, text: entry(S, 'stopped') });
    setBusy(false);
  }

  const state = status && configured ? status.state : 'off';
  return (
    <section class="ap-section" data-testid="sharing-section">
      <p>
        <Bi text={entry(S, 'intro')} />
      </p>
      <form onSubmit={connect} class="ap-sharing-form">
        <label>
          <span>{msg(S, 'url')}</span>
          <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://couch.scjgj.lyg.gov.cn:6984" data-testid="sharing-url" aria-describedby="sharing-url-hint" />
          <small id="sharing-url-hint">{msg(S, 'url.hint')}</small>
        </label>
        <label>
          <span>{msg(S, 'user')}</span>
          <input type="text" value={user} onInput={(e) => setUser(e.currentTarget.value)} autocomplete="username" data-testid="sharing-user" />
        </label>
        <label>
          <span>{msg(S, 'password')}</span>
          <input type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} autocomplete="current-password" data-testid="sharing-password" aria-describedby="sharing-password-hint" />
          <small id="sharing-password-hint">{msg(S, 'password.hint')}</small>
        </label>
        <div class="ap-row">
          <button type="submit" class="ap-primary" disabled={busy} data-testid="sharing-connect">
            {msg(S, configured ? 'syncNow' : 'connect')}
          </button>
          {configured ? (
            <button type="button" onClick={() => void stop()} disabled={busy} data-testid="sharing-stop">
              {msg(S, 'stop')}
            </button>
          ) : null}
        </div>
      </form>
      {message ? (
        <p class={message.ok ? 'ap-ok' : 'ap-error'} role="status" data-testid="sharing-message">
          <Bi text={message.text} />
        </p>
      ) : null}
      <dl class="ap-sharing-status" data-testid="sharing-status" data-state={state}>
        <dt>{msg(S, 'state')}</dt>
        <dd>
          {msg(S, `state.${(STATES as readonly string[]).includes(state) ? state : 'off'}` as `state.${(typeof STATES)[number]}`)}
          {status?.message && configured ? <> — {tx(status.message)}</> : null}
        </dd>
        {configured && status ? (
          <>
            {status.database ? <dd>{msg(S, 'database', { db: status.database, role: status.role ? msg(S, `role.${status.role}` as 'role.clerk') : '' })}</dd> : null}
            <dd data-testid="sharing-last-sync">{status.lastSync ? msg(S, 'lastSync', { time: new Date(status.lastSync).toLocaleString() }) : msg(S, 'never')}</dd>
            <dd data-testid="sharing-counts">{msg(S, 'counts', { received: status.received, sent: status.sent })}</dd>
            {status.state === 'active' && status.progress ? <Progress {...status.progress} /> : null}
            {status.pending ? <dd>{msg(S, 'pending', { n: status.pending })}</dd> : null}
          </>
        ) : null}
      </dl>
      {status && status.refused.length > 0 ? (
        <div class="ap-notice ap-notice-error" data-testid="sharing-refused">
          <strong>{msg(S, 'refused.title', { n: status.refused.length })}</strong>
          <p>{msg(S, 'refused.hint')}</p>
          <ul class="ap-errors">
            {status.refused.map((r) => (
              <li key={`${r.id}${r.at}`}>
                <span class="ap-origin">{r.id}</span>: {tx(r.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status && status.conflicts.length > 0 ? (
        <div class="ap-notice" data-testid="sharing-conflicts">
          <strong>{msg(S, 'conflicts.title', { n: status.conflicts.length })}</strong>
          <p>{msg(S, 'conflicts.hint')}</p>
          <ul class="ap-errors">
            {status.conflicts.map((c) => (
              <li key={c.id}>{msg(S, 'conflict.row', { id: c.id, local: c.localVersion ?? '—', server: c.serverVersion ?? '—' })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <DraftSharing database={status?.database} />
    </section>
  );
}

/**
 * A first replication: documents received of the server's; then, once the replica has them all, how many the
 * stores the pages read hold of them (that phase can take minutes). Never 100% while it runs.
 */
function Progress({ here, server, stored }: NonNullable<SharingStatus['progress']>) {
  const n = (x: number) => x.toLocaleString('en');
  const pct = (part: number, whole: number) => Math.min(99, Math.floor((part / whole) * 100));
  if (here < server) return <dd data-testid="sharing-progress">{msg(S, 'progress', { here: n(here), server: n(server), pct: pct(here, server) })}</dd>;
  if (stored !== undefined && here > 0) return <dd data-testid="sharing-progress">{msg(S, 'storing', { server: n(server), stored: n(stored), here: n(here), pct: pct(stored, here) })}</dd>;
  return null;
}
