import type { ProfileForm, ProfileKey } from './profile-form.ts';

/**
 * Typing held before the stores arrive (issue 19: the options page loads its stores on demand). The stores
 * bring the case machinery and the award packs with them, which can take seconds on a loaded machine; what was
 * typed meanwhile must still reach the disk within one autosave interval. This writes only the typed fields,
 * merged field by field over the draft already stored (what was typed wins), into the same draft setting the
 * editor uses, with the bare IndexedDB API and nothing else.
 *
 * It never creates, upgrades or blocks the database: it opens without asking for a version, gives up if the
 * database does not exist yet or is not at the version below (the stores' own load then writes the draft),
 * and closes at once when another page wants to upgrade.
 */
export const HELD_TYPING_DB = { name: 'award-pilot', version: 5, store: 'settings' } as const;

export function writeHeldTyping(
  setting: string,
  form: ProfileForm,
  keys: Iterable<ProfileKey>,
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<boolean> {
  const typed: Partial<Record<ProfileKey, unknown>> = {};
  for (const key of keys) typed[key] = JSON.parse(JSON.stringify(form[key]));
  if (Object.keys(typed).length === 0 || !idb) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(HELD_TYPING_DB.name);
    } catch {
      resolve(false);
      return;
    }
    request.onupgradeneeded = () => {
      // no database yet: creating one here would leave it without its stores
      request.transaction?.abort();
    };
    request.onerror = (e) => {
      e.preventDefault?.();
      resolve(false);
    };
    request.onblocked = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (db.version !== HELD_TYPING_DB.version || !db.objectStoreNames.contains(HELD_TYPING_DB.store)) {
        db.close();
        resolve(false);
        return;
      }
      try {
        const tx = db.transaction(HELD_TYPING_DB.store, 'readwrite', { durability: 'strict' });
        const store = tx.objectStore(HELD_TYPING_DB.store);
        const read = store.get(setting);
        read.onsuccess = () => {
          const before = read.result;
          const base = before && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
          store.put({ ...base, ...typed }, setting);
        };
        tx.oncomplete = () => {
          db.close();
          resolve(true);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          resolve(false);
        };
      } catch {
        db.close();
        resolve(false);
      }
    };
  });
}
