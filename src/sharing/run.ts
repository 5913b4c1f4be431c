import { getSharingConfig, publishSharingStatus, getSharingStatus, SHARING_CHANNEL, sharingMessages, originPattern, type SharingConfig } from './config.ts';
import { bi } from '../core/i18n.ts';

/**
 * Start sharing from the staff console or the experts page when, and only when, it is configured: with
 * sharing off this reads one setting from IndexedDB and makes no network request; PouchDB is not even
 * loaded. One page at a time replicates (a Web Lock); when it closes, another open page takes over. The
 * options page asks for a restart after a change of settings (config.ts `requestSharingRestart`); a page
 * that found no settings waits for that request.
 */
const LOCK = 'award-pilot:sharing';

export const needsPermission = bi(
  '还没有允许扩展访问这台服务器：请在“设置 → 共享”中点击“保存并连接”。',
  'The extension is not yet allowed to reach this server: click “Save and connect” in Options → Sharing.',
);

async function permitted(config: SharingConfig): Promise<boolean> {
  type Api = { permissions?: { contains(p: { origins: string[] }): Promise<boolean> } };
  // Firefox's chrome.* takes callbacks and returns nothing: its promise API is browser.*
  const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome)?.permissions;
  if (!api) return true; // not an extension page (unit tests)
  try {
    return await api.contains({ origins: [originPattern(config.url)] });
  } catch {
    return false;
  }
}

let started = false;
let active: import('./replicate.ts').Replicator | null = null;

/** The replicator this page runs, if it holds the sharing lock (the conflict screen resolves through it). */
export const activeReplicator = () => active;

export async function startSharingIfConfigured(): Promise<void> {
  if (started) return;
  // listen before reading: a restart asked for while the settings are being read is not missed
  const restart = restartRequested();
  const config = await getSharingConfig();
  if (!config || !config.enabled) {
    void restart.promise.then(startSharingIfConfigured); // settings saved later on the options page
    return;
  }
  restart.cancel();
  started = true;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = () => replicateUntilRestart();
  if (locks) void locks.request(LOCK, run);
  else void run();
}

async function replicateUntilRestart(): Promise<void> {
  for (;;) {
    const restart = restartRequested(); // listening from here on: a request during the start counts
    const config = await getSharingConfig();
    if (!config || !config.enabled) {
      restart.cancel();
      await publishSharingStatus({ ...(await getSharingStatus()), state: 'off' });
      started = false;
      void startSharingIfConfigured(); // and wait for settings again
      return;
    }
    if (!(await permitted(config))) {
      await publishSharingStatus({ ...(await getSharingStatus()), state: 'error', message: needsPermission });
      started = false;
      void restart.promise.then(startSharingIfConfigured);
      return;
    }
    const { Replicator, loadPouchDB } = await import('./replicate.ts');
    const replicator = new Replicator(config, { PouchDB: await loadPouchDB() });
    await replicator.start().catch(async () => publishSharingStatus({ ...replicator.current, state: 'error', message: sharingMessages.unreachable }));
    active = replicator;
    await restart.promise;
    active = null;
    await replicator.stop();
  }
}

/** Resolves when the options page asks for a restart (settings changed) or a sync now. */
function restartRequested(): { promise: Promise<void>; cancel(): void } {
  let cancel = () => undefined as void;
  const promise = new Promise<void>((resolve) => {
    if (typeof BroadcastChannel !== 'function') return;
    const c = new BroadcastChannel(`${SHARING_CHANNEL}:control`);
    cancel = () => c.close();
    c.onmessage = (e: MessageEvent) => {
      if ((e.data as { restart?: unknown } | null)?.restart === true) {
        c.close();
        resolve();
      }
    };
  });
  return { promise, cancel };
}
