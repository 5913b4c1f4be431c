// @vitest-environment node
// src/sharing/run.ts: a page opened before sharing is set up waits for the options page's settings,
// makes no request while it waits, and starts replicating as soon as they are saved (issue 20).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';

const started: Array<{ url: string; user: string }> = [];
const stopped: string[] = [];
/** when set, start() waits for it (a login that takes a while) */
let gate: Promise<void> | null = null;
vi.mock('../../../src/sharing/replicate.ts', () => ({
  loadPouchDB: async () => ({}),
  Replicator: class {
    current = { state: 'idle', received: 0, sent: 0, refused: [], conflicts: [] };
    constructor(private readonly config: { url: string; user: string }) {}
    async start() {
      started.push({ url: this.config.url, user: this.config.user });
      if (gate) await gate;
      return this.current;
    }
    async stop() {
      stopped.push(this.config.user);
    }
  },
}));

async function until(ok: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The browser allows the server's origin (run.ts asks browser.* where it exists, as in Firefox, else chrome.*). */
function allow(contains: (p: { origins: string[] }) => Promise<boolean>) {
  for (const name of ['browser', 'chrome'] as const) {
    const api = (globalThis as unknown as Record<string, object | undefined>)[name];
    if (api) vi.stubGlobal(name, { ...api, permissions: { contains } });
  }
}

beforeEach(async () => {
  await freshDb();
  started.length = 0;
  stopped.length = 0;
  gate = null;
  vi.resetModules(); // run.ts keeps whether it started: a fresh module per test
});
afterEach(() => vi.unstubAllGlobals());

describe('sharing starts when settings arrive (run.ts)', () => {
  it('with no settings it waits without a request, then starts on the options page’s restart request', async () => {
    const fetcher = vi.fn();
    vi.stubGlobal('fetch', fetcher);
    const asked: string[][] = [];
    allow(async (p: { origins: string[] }) => (asked.push(p.origins), true));
    const { startSharingIfConfigured } = await import('../../../src/sharing/run.ts');
    const config = await import('../../../src/sharing/config.ts');
    await startSharingIfConfigured();
    // a restart request with still nothing saved: it keeps waiting, starts nothing
    config.requestSharingRestart();
    await until(async () => (await config.getSharingStatus()).state === 'off', 'status off');
    expect(started).toEqual([]);

    // the options page saves and asks for a restart (what its "保存并连接" does)
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '王科员', password: 'pw', enabled: true });
    config.requestSharingRestart();
    await until(() => started.length === 1, 'replication started after the settings were saved');
    expect(started[0]).toEqual({ url: 'http://127.0.0.1:5984', user: '王科员' });
    expect(asked[0]).toEqual(['http://127.0.0.1/*']); // that origin only

    // changed settings: the running replication stops and starts again with them
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '李科员', password: 'pw2', enabled: true });
    config.requestSharingRestart();
    await until(() => started.length === 2, 'restarted with the new settings');
    expect(stopped).toEqual(['王科员']);
    expect(started[1]!.user).toBe('李科员');

    // sharing switched off: it stops, says off, and waits again
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '李科员', password: 'pw2', enabled: false });
    config.requestSharingRestart();
    await until(async () => stopped.length === 2 && (await config.getSharingStatus()).state === 'off', 'off again');
    expect(fetcher).not.toHaveBeenCalled();
    // and the page starts again when it is switched back on
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '李科员', password: 'pw2', enabled: true });
    config.requestSharingRestart();
    await until(() => started.length === 3, 'started again after being switched on');
  });

  it('settings changed while the replication is still starting (logging in) are not missed', async () => {
    allow(async () => true);
    const { startSharingIfConfigured } = await import('../../../src/sharing/run.ts');
    const config = await import('../../../src/sharing/config.ts');
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '王科员', password: 'pw', enabled: true });
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    await startSharingIfConfigured();
    await until(() => started.length === 1, 'first start');
    // the options page saves other settings while the first login is still on its way
    await config.saveSharingConfig({ url: 'http://127.0.0.1:5984', user: '李科员', password: 'pw2', enabled: true });
    config.requestSharingRestart();
    // the request is delivered (a listener of our own sees it) before the login finishes
    await new Promise<void>((resolve) => {
      const c = new BroadcastChannel('award-pilot:sharing:control');
      c.onmessage = () => (c.close(), resolve());
      config.requestSharingRestart();
    });
    gate = null;
    release();
    await until(() => started.length >= 2, 'restarted with the settings saved during the first login');
    // (the previous test's page is still listening in this worker: its loop may restart too)
    await until(() => stopped.includes('王科员'), 'the first replication was stopped for the new settings');
    expect(started.at(-1)!.user).toBe('李科员');
  });
});
