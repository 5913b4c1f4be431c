import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, openAwardDb, STORE_NAMES, type AwardDbHandle } from '../../../src/storage/db.ts';
import { LATEST_VERSION, adapterRecordWithOrigins, migrations, upgradeBackupData, withCaseVersion, withDraftVersion, caseWithAward, draftWithAward, type BackupData } from '../../../src/storage/migrations.ts';
import { currentStorageNotice, onStorageNotice, type StorageNotice } from '../../../src/storage/status.ts';
import { exportBackup } from '../../../src/storage/backup.ts';
import { freshDb } from './fresh-db.ts';

const fixturePath = (version: number) => resolve(process.cwd(), `test/fixtures/storage/v${version}.json`);
const v1 = JSON.parse(readFileSync(fixturePath(1), 'utf8')) as { data: BackupData };
const clone = <T>(x: T): T => structuredClone(x);

beforeEach(freshDb);

/** Write a fixture's records into a database of its own version, with no migration code involved. */
async function seed(db: AwardDbHandle, data: BackupData) {
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  for (const name of STORE_NAMES) {
    for (const record of data[name] ?? []) {
      if (name === 'settings') {
        const { key, value } = record as { key: string; value: unknown };
        await tx.objectStore('settings').put(value, key);
      } else {
        await tx.objectStore(name).put(record as never);
      }
    }
  }
  await tx.done;
}

async function dump(db: AwardDbHandle): Promise<BackupData> {
  const out: BackupData = {};
  for (const name of STORE_NAMES) {
    if (name === 'settings') {
      const keys = await db.getAllKeys('settings');
      const values = await db.getAll('settings');
      out.settings = keys.map((key, i) => ({ key, value: values[i] }));
    } else out[name] = await db.getAll(name);
  }
  return out;
}

describe('numbered migrations', () => {
  it('are numbered 1, 2, … without gaps, and the latest is the database version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(migrations.length);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('every migration after the first has a committed fixture of the previous version', () => {
    for (const m of migrations.slice(1)) expect(existsSync(fixturePath(m.version - 1)), `v${m.version - 1}.json`).toBe(true);
  });

  it('a fresh database gets every store and index of the latest version', async () => {
    const db = await openAwardDb();
    expect(db.version).toBe(LATEST_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    const tx = db.transaction(['drafts', 'selfEvaluations', 'cases', 'caseEvents'], 'readonly');
    expect([...tx.objectStore('drafts').indexNames]).toEqual(['byUpdatedAt']);
    expect([...tx.objectStore('selfEvaluations').indexNames]).toEqual(['byUpdatedAt']);
    expect([...tx.objectStore('cases').indexNames].sort()).toEqual(['byCreditCode', 'byYear']);
    expect([...tx.objectStore('caseEvents').indexNames]).toEqual(['byCase']);
    db.close();
  });
});

describe('v2 → v3 on the committed v2 fixture (issue 15: adapter patterns name their origin)', () => {
  const v2 = JSON.parse(readFileSync(fixturePath(2), 'utf8')) as { data: BackupData };
  it('path-only adapter patterns are scoped to the real portal origins; every other record is unchanged', async () => {
    const old = await openAwardDb(DB_NAME, { version: 2 });
    await seed(old, clone(v2.data));
    old.close();
    const db = await openAwardDb();
    const after = await dump(db);
    for (const name of STORE_NAMES) expect(after[name], name).toHaveLength(v2.data[name]!.length);
    const adapter = (after.adapters![0] as { adapter: { pages: Record<string, Array<{ origin: string; path: string }>> } }).adapter;
    expect(adapter.pages['application-form']).toEqual([
      { origin: 'https://*.jszwfw.gov.cn', path: '/app/apply/*' },
      { origin: 'https://*.lyg.gov.cn', path: '/app/apply/*' },
    ]);
    expect(JSON.stringify(after.adapters)).not.toMatch(/127\.0\.0\.1|localhost/);
    const versioned = upgradeBackupData(clone(v2.data), 2).cases!; // version 4 adds record versions (below)
    expect(after.cases).toEqual([...versioned].sort((a: any, b: any) => (a.id < b.id ? -1 : 1)));
    expect(versioned.map(({ version: _, award: __, ...rest }: any) => rest)).toEqual(v2.data.cases);
    expect(upgradeBackupData(clone(v2.data), 2).adapters).toEqual(after.adapters);
    db.close();
  });
});

describe('v3 → v4 on the committed v3 fixture (issue 15: record versions on drafts and case logs)', () => {
  const v3 = JSON.parse(readFileSync(fixturePath(3), 'utf8')) as { data: BackupData };
  async function migrateFixture() {
    const old = await openAwardDb(DB_NAME, { version: 3 });
    await seed(old, clone(v3.data));
    old.close();
    return openAwardDb(DB_NAME, { version: 4 });
  }

  it('drafts get version 1, each case the number of events in its log; nothing else changes', async () => {
    const db = await migrateFixture();
    const after = await dump(db);
    for (const name of STORE_NAMES) expect(after[name], name).toHaveLength(v3.data[name]!.length);
    expect((after.drafts as any[]).map((d) => [d.id, d.version])).toEqual([['draft:demo-portal', 1], ['draft:typing', 1]]);
    // the fixture's log: case-2025-007 one event, case-2026-001 three (seq 2, 3, 6), case-2026-002 one
    expect(Object.fromEntries((after.cases as any[]).map((c) => [c.id, c.version]))).toEqual({ 'case-2025-007': 1, 'case-2026-001': 3, 'case-2026-002': 1 });
    const strip = (rows: unknown[]) => rows.map(({ version: _, ...rest }: any) => rest);
    const byId = (a: any, b: any) => (a.id < b.id ? -1 : 1);
    expect(strip(after.drafts!)).toEqual([...v3.data.drafts!].sort(byId));
    expect(strip(after.cases!)).toEqual([...v3.data.cases!].sort(byId));
    for (const name of ['profiles', 'selfEvaluations', 'caseEvents', 'adapters', 'anchorMisses'] as const) expect(after[name]!.length, name).toBe(v3.data[name]!.length);
    db.close();
  });

  it('the backup rewrite gives the same records, and running it twice changes nothing', async () => {
    const db = await migrateFixture();
    const after = await dump(db);
    db.close();
    const fromFile = migrations.find((m) => m.version === 4)!.upgradeRecords!(clone(v3.data));
    const byId = (rows: unknown[]) => [...rows].sort((a: any, b: any) => (a.id < b.id ? -1 : 1));
    expect(byId(fromFile.drafts!)).toEqual(after.drafts);
    expect(byId(fromFile.cases!)).toEqual(after.cases);
    expect(migrations.find((m) => m.version === 4)!.upgradeRecords!(clone(fromFile))).toEqual(fromFile);
  });

  it('the migrated versions are what a stale-write check compares against', async () => {
    (await migrateFixture()).close();
    const { appendCaseEvents, getCase } = await import('../../../src/storage/repos.ts');
    const refused = await appendCaseEvents('case-2026-001', [{ type: 'withdraw', on: '2026-07-01' }], 'staff', { expectedVersion: 2 }).catch((e) => e);
    expect(refused).toMatchObject({ kind: 'conflict' });
    await appendCaseEvents('case-2026-001', [{ type: 'withdraw', on: '2026-07-01' }], 'staff', { expectedVersion: 3 });
    expect((await getCase('case-2026-001'))?.version).toBe(4);
  });
});

describe('v4 → v5 on the committed v4 fixture (issue 16: award and measures version on every case and draft)', () => {
  const v4 = JSON.parse(readFileSync(fixturePath(4), 'utf8')) as { data: BackupData };
  async function migrateFixture() {
    const old = await openAwardDb(DB_NAME, { version: 4 });
    await seed(old, clone(v4.data));
    old.close();
    return openAwardDb(DB_NAME, { version: 5 });
  }
  const LYG_2021 = { awardId: 'lianyungang-mayor', versionId: '2021' };

  it('every case and draft names the Lianyungang award and the 2021 measures (the 2024 draft has no effective date yet); nothing else changes', async () => {
    const db = await migrateFixture();
    const after = await dump(db);
    for (const name of STORE_NAMES) expect(after[name], name).toHaveLength(v4.data[name]!.length);
    for (const r of [...after.cases!, ...after.drafts!] as any[]) expect(r.award, r.id).toEqual(LYG_2021);
    const strip = (rows: unknown[]) => rows.map(({ award: _, ...rest }: any) => rest);
    const byId = (a: any, b: any) => (a.id < b.id ? -1 : 1);
    expect(strip(after.cases!)).toEqual([...v4.data.cases!].sort(byId));
    expect(strip(after.drafts!)).toEqual([...v4.data.drafts!].sort(byId));
    const fromFile = migrations.find((m) => m.version === 5)!.upgradeRecords!(clone(v4.data));
    expect([...fromFile.cases!].sort(byId)).toEqual(after.cases);
    expect([...fromFile.drafts!].sort(byId)).toEqual(after.drafts);
    expect(migrations.find((m) => m.version === 5)!.upgradeRecords!(clone(fromFile))).toEqual(fromFile);
    db.close();
  });

  it('the version is the one in force on the filing date: a dated 2024 amendment applies to a case filed after it, not before', () => {
    const before = caseWithAward({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' }, [{ caseId: 'a', event: { type: 'apply', on: '2026-05-10' } }]) as any;
    expect(before.award).toEqual(LYG_2021);
    const fromCreated = caseWithAward({ id: 'b', createdAt: '2025-03-01T20:00:00.000Z' }, []) as any;
    expect(fromCreated.award.awardId).toBe('lianyungang-mayor');
    const kept = { id: 'c', award: { awardId: 'jiangsu-governor', versionId: '2023' } };
    expect(caseWithAward(kept, [])).toBe(kept);
    expect((draftWithAward({ id: 'd', application: { submittedOn: '2026-06-30' }, updatedAt: '2026-05-02T08:15:00.000Z' }) as any).award).toEqual(LYG_2021);
  });

  it('new cases and drafts are written with their award', async () => {
    (await migrateFixture()).close();
    const { createCase, saveDraft } = await import('../../../src/storage/repos.ts');
    expect((await createCase({ year: 2027, kind: 'organization', applicantName: '新公司' })).award).toEqual(LYG_2021);
    expect((await saveDraft({ id: 'x', application: {}, award: { awardId: 'jiangsu-governor', versionId: '2023' } })).award).toEqual({ awardId: 'jiangsu-governor', versionId: '2023' });
    expect((await saveDraft({ id: 'y', application: { submittedOn: '2026-06-30' } })).award).toEqual(LYG_2021);
  });
});

describe('v1 → v2 on the committed v1 fixture', () => {
  async function migrateFixture() {
    const old = await openAwardDb(DB_NAME, { version: 1 });
    expect(old.version).toBe(1);
    await seed(old, clone(v1.data));
    old.close();
    return openAwardDb();
  }

  it('keeps every record (same keys, same fields) and only normalises credit codes', async () => {
    const db = await migrateFixture();
    const after = await dump(db);
    for (const name of STORE_NAMES) expect(after[name], name).toHaveLength(v1.data[name]!.length);
    const expected = clone(v1.data);
    (expected.cases![0] as { creditCode: string }).creditCode = '91320700MA1XB2C3DB';
    expected.adapters = expected.adapters!.map(adapterRecordWithOrigins); // version 3 (below)
    expected.drafts = expected.drafts!.map(withDraftVersion); // version 4 (below)
    const count = (id: string) => expected.caseEvents!.filter((e: any) => e.caseId === id).length;
    expected.cases = expected.cases!.map((c: any) => withCaseVersion(c, count(c.id)));
    // version 5 (below): award and measures version
    expected.drafts = expected.drafts!.map(draftWithAward);
    expected.cases = expected.cases!.map((c: any) => caseWithAward(c, [...expected.caseEvents!].sort((a: any, b: any) => a.seq - b.seq).filter((e: any) => e.caseId === c.id)));
    // every store compared record by record (getAll returns key order; sort the fixture the same way)
    const byKey = (k: string) => (a: any, b: any) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0);
    for (const name of STORE_NAMES) {
      const key = name === 'caseEvents' || name === 'anchorMisses' ? 'seq' : name === 'settings' ? 'key' : 'id';
      expect(after[name], name).toEqual([...expected[name]!].sort(byKey(key)));
    }
    // the seq gap in the fixture (no 5) survives: the audit trail's numbering is never rewritten
    expect((after.caseEvents as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2, 3, 4, 6]);
    db.close();
  });

  it('the new indexes answer queries over migrated data', async () => {
    const db = await migrateFixture();
    expect((await db.getAllFromIndex('cases', 'byCreditCode', '91320700MA1XB2C3DB')).map((c) => c.id)).toEqual(['case-2026-001']);
    expect((await db.getAllFromIndex('drafts', 'byUpdatedAt')).map((d) => d.id)).toEqual(['draft:demo-portal', 'draft:typing']);
    expect((await db.getAllFromIndex('selfEvaluations', 'byUpdatedAt')).map((d) => d.id)).toEqual(['sheet:2025', 'sheet:2026']);
    db.close();
  });

  it('migrating twice changes nothing (reopening, and re-running the record rewrite)', async () => {
    const db = await migrateFixture();
    const once = await dump(db);
    db.close();
    const again = await openAwardDb();
    expect(await dump(again)).toEqual(once);
    again.close();
    const upgraded = upgradeBackupData(clone(v1.data), 1);
    expect(upgradeBackupData(clone(upgraded), 1)).toEqual(upgraded);
  });

  it('a backup of v1 data is brought forward by the same rewrite as the live database', async () => {
    const db = await migrateFixture();
    db.close();
    const live = (await exportBackup()).data;
    const fromFile = upgradeBackupData(clone(v1.data), 1);
    for (const name of STORE_NAMES) {
      const key = name === 'caseEvents' || name === 'anchorMisses' ? 'seq' : name === 'settings' ? 'key' : 'id';
      const sort = (rows: unknown[]) => [...rows].sort((a: any, b: any) => String(a[key]).localeCompare(String(b[key])));
      expect(sort(live[name]!), name).toEqual(sort(fromFile[name]!));
    }
  });
});

describe('connection lifecycle', () => {
  it('blocked: another page holds an old version open → a bilingual notice, then the upgrade proceeds once it closes', async () => {
    (await openAwardDb(DB_NAME, { version: 1 })).close();
    // an old page that does not listen for versionchange (e.g. an extension page from before the update)
    const stale = await openDB(DB_NAME, 1);
    const seen: (StorageNotice | null)[] = [];
    const off = onStorageNotice((n) => seen.push(n));
    const opening = openAwardDb();
    for (let i = 0; i < 200 && currentStorageNotice()?.kind !== 'blocked'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(currentStorageNotice()?.kind).toBe('blocked');
    expect(currentStorageNotice()?.message.zh).toContain('另一个标签页');
    expect(currentStorageNotice()?.message.en).toContain('Another tab');
    stale.close();
    const db = await opening;
    expect(db.version).toBe(LATEST_VERSION);
    db.close();
    off();
    expect(seen.at(-1)).toBeNull();
  });

  it('a migration that fails is rolled back: the old version and its data stay as they were', async () => {
    // a v1 database missing stores the v2 migration needs (as a hand-damaged profile might be)
    const odd = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('drafts', { keyPath: 'id' }) });
    await odd.put('drafts', { id: 'keep-me', application: {}, updatedAt: '2026-01-01T00:00:00.000Z' });
    odd.close();
    const error = await openAwardDb().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'version' });
    expect((error as { userMessage: { zh: string } }).userMessage.zh).toContain('已回滚');
    const after = await openDB(DB_NAME);
    expect(after.version).toBe(1);
    expect(await after.getAll('drafts' as never)).toEqual([{ id: 'keep-me', application: {}, updatedAt: '2026-01-01T00:00:00.000Z' }]);
    after.close();
  });

  it('blocking: this page closes its connection when a newer version opens elsewhere, and says so', async () => {
    let lost = 0;
    const ours = await openAwardDb(DB_NAME, { version: 1, onLost: () => lost++ });
    const newer = await openAwardDb(DB_NAME, { version: 2 });
    expect(newer.version).toBe(2);
    expect(lost).toBe(1);
    expect(currentStorageNotice()).toBeNull(); // cleared by the successful open that followed
    newer.close();
    ours.close();
  });
});

describe('terminated: the browser takes the connection away', () => {
  it('says so in both languages with an export prompt, forgets the connection, and the next write reopens it with nothing lost', async () => {
    const { getDb, saveDraft, getDraft } = await import('../../../src/storage/repos.ts');
    const { forceCloseDatabase } = await import('fake-indexeddb');
    const { unwrap } = await import('idb');
    const notices: (StorageNotice | null)[] = [];
    const stop = onStorageNotice((n) => notices.push(n));
    try {
      await saveDraft({ id: 'typed-before', application: { name: '连云港某公司' } });
      const first = await getDb();
      forceCloseDatabase(unwrap(first) as never); // its typing wants the constructor; it takes a connection

      const notice = currentStorageNotice();
      expect(notice?.kind).toBe('terminated');
      expect(notice?.offerExport).toBe(true);
      expect(notice?.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(notice?.message.en).toMatch(/[a-z]/i);

      // the memoised connection was dropped: the next call opens a new one instead of failing on a closed handle
      const second = await getDb();
      expect(second).not.toBe(first);
      await saveDraft({ id: 'typed-after', application: { name: '连云港另一公司' } });
      expect((await getDraft('typed-before'))?.application).toEqual({ name: '连云港某公司' });
      expect((await getDraft('typed-after'))?.application).toEqual({ name: '连云港另一公司' });
      expect(notices.map((n) => n?.kind ?? null)).toContain('terminated');
      expect(currentStorageNotice()).toBeNull(); // the reopen cleared the notice
    } finally {
      stop();
    }
  });
});
