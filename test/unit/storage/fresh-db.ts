import { IDBFactory } from 'fake-indexeddb';
import { closeDb } from '../../../src/storage/repos.ts';

/** Every test gets an empty IndexedDB and a fresh memoised connection. */
export async function freshDb(): Promise<void> {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
}
