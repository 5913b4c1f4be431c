// Issue 15 item 7: a database written by a newer version of the extension says so and changes nothing
// (it used to say "upgraded in another page, reload", which reloading cannot fix).
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, openAwardDb } from '../../../src/storage/db.ts';
import { LATEST_VERSION } from '../../../src/storage/migrations.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);

describe('a database from a newer version (issue 15 item 7)', () => {
  it('is refused with a message that names the versions and says to update the extension, not to reload', async () => {
    const newer = await openDB(DB_NAME, LATEST_VERSION + 1, { upgrade(db) { db.createObjectStore('future'); } });
    newer.close();
    const err = await openAwardDb().then(() => null, (e: unknown) => e as { kind?: string; userMessage?: { zh: string; en: string } });
    expect(err?.kind).toBe('version');
    expect(err?.userMessage?.zh).toContain('更新版本');
    expect(err?.userMessage?.zh).toContain(String(LATEST_VERSION + 1));
    expect(err?.userMessage?.zh).not.toContain('重新加载');
    expect(err?.userMessage?.en).toMatch(/newer version/i);
    // nothing changed: the newer database is as it was
    const again = await openDB(DB_NAME);
    expect(again.version).toBe(LATEST_VERSION + 1);
    expect([...again.objectStoreNames]).toEqual(['future']);
    again.close();
  });
});
