import { bi, type Bilingual } from '../core/i18n.ts';
import { getDb } from '../storage/repos.ts';
import { UserFacingError } from '../i18n/error-text.ts';

/**
 * The expert panel's records in the settings store (scorebooks, the expert pool, assignments) each
 * carry a stable `id` and a `version` that every save raises by one, so they can later be replicated
 * (issue 20) and a save from a view that loaded an older copy is refused instead of overwriting a
 * newer one (the same rule as the profile, issue 15). Read, compare and write happen in one
 * transaction.
 */
export class StaleRecordError extends UserFacingError {
  readonly message_: Bilingual;
  constructor(what: Bilingual) {
    const m = bi(
      `${what.zh}已在别处（另一个标签页或窗口）更新，本次修改未保存。请刷新页面后再改。`,
      `The ${what.en} was updated elsewhere (another tab or window); this change was not saved. Reload and try again.`,
    );
    super(m);
    this.message_ = m;
  }
}

export interface Versioned {
  id: string;
  version: number;
}

/** The stored version of a key (0 when absent). */
export async function storedVersion(key: string): Promise<number> {
  const v = (await (await getDb()).get('settings', key)) as { version?: unknown } | undefined;
  return typeof v?.version === 'number' ? v.version : 0;
}

/**
 * Save `record` under `key` if it was made from the stored version (`record.version` equals it, 0 for a
 * new record); the stored copy gets version + 1, which is returned. Otherwise nothing is written.
 */
export async function putVersioned<T extends Pick<Versioned, 'version'>>(key: string, record: T, what: Bilingual): Promise<T> {
  const db = await getDb();
  const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('settings');
  const current = (await store.get(key)) as { version?: unknown } | undefined;
  const version = typeof current?.version === 'number' ? current.version : 0;
  if (record.version !== version) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new StaleRecordError(what);
  }
  const next = JSON.parse(JSON.stringify({ ...record, version: version + 1 })) as T;
  await store.put(next, key);
  await tx.done;
  return next;
}

/** Remove a record if it is still the version the caller saw. */
export async function deleteVersioned(key: string, version: number, what: Bilingual): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('settings');
  const current = (await store.get(key)) as { version?: unknown } | undefined;
  if (current !== undefined && current.version !== version) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new StaleRecordError(what);
  }
  await store.delete(key);
  await tx.done;
}
