import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * The storage notices (quota full, database upgraded elsewhere, connection lost) and the request for
 * persistent storage, in the side panel as on the options page. Both load on demand: the storage
 * module is not part of the panel's first screen (size budget).
 */
type Banner = ComponentType<{ onExport?: () => void }>;
const loadBanner = () => import('../options/BackupSection.tsx').then((m) => m.StorageNoticeBanner as Banner);

export function PanelStorageNotice({ onExport, load = loadBanner }: { onExport?: () => void; load?: () => Promise<Banner> }) {
  const [Banner, setBanner] = useState<Banner | null>(null);
  useEffect(() => {
    let live = true;
    load().then((b) => live && setBanner(() => b), () => undefined); // no banner is better than a broken panel
    return () => {
      live = false;
    };
  }, [load]);
  return Banner ? <Banner onExport={onExport} /> : null;
}

type Persist = () => Promise<unknown>;
let asked: Promise<unknown> | null = null;

/** Asks the browser once per panel to keep the extension's data when storage runs low. */
export function requestPanelPersistence(
  request: Persist = () => import('../../storage/index.ts').then((s) => s.requestPersistentStorage()),
): Promise<unknown> {
  asked ??= request().catch(() => 'unsupported');
  return asked;
}

/** tests only */
export function resetPanelPersistenceForTests() {
  asked = null;
}
