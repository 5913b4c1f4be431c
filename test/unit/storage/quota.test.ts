
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { currentStorageNotice, getSetting, listDrafts, requestPersistentStorage, saveDraft, StorageQuotaError } from '../../../src/storage/index.ts';
import { exportBackup, importBackup } from '../../../src/storage/backup.ts';
import { freshDb } from './fresh-db.ts';

beforeEach(freshDb);

function diskFull() {
  vi.spyOn(globalThis.IDBObjectStore.prototype, "put").mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

describe('quota', () => {
  it('a full disk becomes a typed error with a bilingual export prompt, and nothing is half-written', async () => {
    await saveDraft({ id: 'ok', application: { a: 1 } });
    diskFull();
    const error = await saveDraft({ id: 'big', application: { a: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageQuotaError);
    expect((error as StorageQuotaError).userMessage.zh).toContain('导出备份');
    expect((error as StorageQuotaError).userMessage.en).toContain('Export a backup');
    expect(currentStorageNotice()).toMatchObject({ kind: 'quota', offerExport: true });
    vi.restoreAllMocks();
    expect((await listDrafts()).map((d) => d.id)).toEqual(['ok']);
  });

  it('an import that hits the quota is refused as a whole', async () => {
    await saveDraft({ id: 'keep', application: {} });
    const backup = await exportBackup();
    backup.data.drafts = [{ ...(backup.data.drafts[0] as object), id: 'replacement' }];
    const { canonicalJson, sha256Hex } = await import('../../../src/storage/canonical-json.ts');
    backup.sha256 = await sha256Hex(canonicalJson(backup.data));
    diskFull();
    const result = await importBackup(backup);
    vi.restoreAllMocks();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message.en).toContain('storage is full');
    expect((await listDrafts()).map((d) => d.id)).toEqual(['keep']);
  });
});

describe('durability', () => {
  it('autosave can ask for relaxed durability; everything else is strict', async () => {
    const { getDb } = await import('../../../src/storage/repos.ts');
    const db = await getDb();
    const spy = vi.spyOn(db, 'transaction');
    await saveDraft({ id: 'typing', application: {} }, { durability: 'relaxed' });
    await saveDraft({ id: 'blur', application: {} });
    expect(spy.mock.calls.map((c) => c[2])).toEqual([{ durability: 'relaxed' }, { durability: 'strict' }]);
  });
});

describe('persistent storage', () => {
  it('is asked for once, and not again after the browser answered', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => false) };
    expect(await requestPersistentStorage(storage)).toBe('denied');
    expect(await requestPersistentStorage(storage)).toBe('asked-before');
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(await getSetting('storage.persistRequested')).toMatchObject({ granted: false });
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => true })).toBe('persisted');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});
