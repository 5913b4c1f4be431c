import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { getSetting, setSetting } from '../storage/repos.ts';

/**
 * Sharing on CouchDB (issue 20) is off until a person fills in the server on the options page. Its
 * settings and its state live in the settings store (extension origin only). This module is all a page
 * loads when sharing is off: it reads IndexedDB and makes no network request.
 */
export const CONFIG_KEY = 'sharing/config';
export const STATUS_KEY = 'sharing/status';
export const SHARING_CHANNEL = 'award-pilot:sharing';

export const sharingConfigSchema = z.strictObject({
  /** the CouchDB server's address (scheme, host, port, optional path), e.g. https://couch.example.gov.cn:6984 */
  url: z.pipe(z.string().check(z.trim()).check(z.maxLength(500)).check(z.refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && !new URL(u).username && !new URL(u).search && !new URL(u).hash, {
      error: '请填写 CouchDB 服务器地址，如 https://couch.example.gov.cn:6984（不含用户名和密码） / enter the CouchDB address, e.g. https://couch.example.gov.cn:6984 (no user name or password in it)',
    })), z.transform((u) => u.replace(/\/+$/, ''))),
  user: z.string().check(z.trim()).check(z.minLength(1, { error: '请填写用户名 / enter the user name' })).check(z.maxLength(200)),
  password: z.string().check(z.minLength(1, { error: '请填写密码 / enter the password' })).check(z.maxLength(500)),
  enabled: z._default(z.boolean(), true),
});
export type SharingConfig = z.output<typeof sharingConfigSchema>;

export interface SharingProblem {
  id: string;
  reason: Bilingual;
  at: string;
}
export interface SharingConflict {
  id: string;
  kind: string;
  localVersion: number | null;
  serverVersion: number | null;
  at: string;
}
export type SharingState = 'off' | 'connecting' | 'active' | 'idle' | 'offline' | 'error';
export interface SharingStatus {
  state: SharingState;
  database?: string;
  role?: string;
  /** ISO time the last replication with the server completed (pulled and pushed everything) */
  lastSync?: string;
  received: number;
  sent: number;
  pending?: number;
  /**
   * how far the pull is: documents in this browser's replica and in the server's database (at the last look);
   * `stored`: cases and events in the stores the pages read (the storing phase after the replica has it all)
   */
  progress?: { here: number; server: number; stored?: number };
  message?: Bilingual;
  refused: SharingProblem[];
  conflicts: SharingConflict[];
}

export const MAX_LISTED = 200;

export async function getSharingConfig(): Promise<SharingConfig | null> {
  const r = sharingConfigSchema.safeParse(await getSetting(CONFIG_KEY));
  return r.success ? r.data : null;
}
export const saveSharingConfig = (config: SharingConfig) => setSetting(CONFIG_KEY, parseOrThrow(sharingConfigSchema, config));
export const clearSharingConfig = () => setSetting(CONFIG_KEY, null);

export const emptyStatus = (): SharingStatus => ({ state: 'off', received: 0, sent: 0, refused: [], conflicts: [] });

export async function getSharingStatus(): Promise<SharingStatus> {
  const s = (await getSetting<SharingStatus>(STATUS_KEY)) ?? null;
  return s && typeof s === 'object' && typeof s.state === 'string' ? { ...emptyStatus(), ...s } : emptyStatus();
}

let channel: BroadcastChannel | null | undefined;
export async function publishSharingStatus(status: SharingStatus): Promise<void> {
  await setSetting(STATUS_KEY, status);
  if (channel === undefined) channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(SHARING_CHANNEL) : null;
  try {
    channel?.postMessage(status);
  } catch {
    // page unloading
  }
}
/**
 * Ask the page that replicates (the staff console or the experts page) to start over with the saved
 * settings, or to start if it was waiting for settings. The options page only sends this: it never loads
 * the replication itself, so the staff page's bundle keeps the expert modules in the chunk it already loads.
 */
export function requestSharingRestart(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const c = new BroadcastChannel(`${SHARING_CHANNEL}:control`);
  c.postMessage({ restart: true });
  c.close();
}

export function onSharingStatus(handler: (s: SharingStatus) => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const c = new BroadcastChannel(SHARING_CHANNEL);
  c.onmessage = (e: MessageEvent) => {
    if (e.data && typeof e.data === 'object' && typeof (e.data as SharingStatus).state === 'string') handler(e.data as SharingStatus);
  };
  return () => c.close();
}

/**
 * Whether the manifest lets the extension ask for this server at all: its origin must fall under a host
 * the manifest declares (optional or granted). A release declares only the government sites
 * (https://*.lyg.gov.cn, https://*.jszwfw.gov.cn), so the office's CouchDB sits under one of them; never
 * every site. The demo build also has the local 127.0.0.1 (tests).
 */
export function declaredFor(url: string, patterns: readonly string[]): boolean {
  const u = new URL(url);
  return patterns.some((p) => {
    const m = /^(https?|\*):\/\/(\*|\*\.[^/]+|[^/*]+)\/\*$/.exec(p);
    if (!m) return false;
    const [, scheme, host] = m;
    if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
    if (host === '*') return false; // never every site
    if (host!.startsWith('*.')) return u.hostname === host!.slice(2) || u.hostname.endsWith(host!.slice(1));
    return u.hostname === host;
  });
}

/** The origin pattern the browser is asked to allow (that origin only). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

export const sharingMessages = {
  badLogin: bi('用户名或密码不对，服务器拒绝登录。', 'The server refused the user name or password.'),
  noRole: bi('这个用户在服务器上没有“科员”“专家”“推荐单位”或“申报单位”角色，请联系信息科。', 'This user has no clerk, expert, recommender or applicant role on the server; ask IT.'),
  unreachable: bi('连不上服务器：记录照常保存在本机，联网后自动同步。', 'Cannot reach the server: records are kept in this browser and sync when back online.'),
  noDatabase: bi('服务器上没有为这个用户准备的数据库，请联系信息科。', 'The server has no database for this user; ask IT.'),
};

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(sharingConfigSchema);
