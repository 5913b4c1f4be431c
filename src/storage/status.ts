import type { Bilingual } from '../core/i18n.ts';

/**
 * What the UI should tell the user about storage right now. Pages subscribe and show a notice;
 * storage code publishes. Kept free of Preact so the background can use storage too.
 */
export type StorageNoticeKind = 'blocked' | 'upgraded-elsewhere' | 'terminated' | 'quota';
export interface StorageNotice {
  kind: StorageNoticeKind;
  message: Bilingual;
  /** quota: offer an export so nothing is lost */
  offerExport: boolean;
}

type Listener = (notice: StorageNotice | null) => void;
const listeners = new Set<Listener>();
let current: StorageNotice | null = null;

export function currentStorageNotice(): StorageNotice | null {
  return current;
}

export function publishStorageNotice(notice: StorageNotice | null): void {
  current = notice;
  for (const listener of listeners) listener(notice);
}

/** Returns the unsubscribe function. */
export function onStorageNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
