import { getSetting, setSetting } from './repos.ts';

export type PersistOutcome = 'persisted' | 'granted' | 'denied' | 'unsupported' | 'asked-before';

const ASKED_KEY = 'storage.persistRequested';

/**
 * Ask the browser once to keep our data under storage pressure (navigator.storage.persist). Call it from
 * an extension page (options, side panel): service workers have no StorageManager.persist prompt.
 * Asked only once: if the browser said no, asking again on every load changes nothing.
 */
export async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage): Promise<PersistOutcome> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  if (await getSetting(ASKED_KEY)) return 'asked-before';
  const granted = await storage.persist();
  await setSetting(ASKED_KEY, { at: new Date().toISOString(), granted });
  return granted ? 'granted' : 'denied';
}
