import { browser } from 'wxt/browser';
import { mirrorSavedAdapters } from '../ui/options/adapter-mirror.ts';
import * as storage from '../storage/repos.ts';
import { applyManagedPolicy } from './managed-policy.ts';

type ManagedArea = { get(keys?: null): Promise<Record<string, unknown>> };

/** At start-up and whenever IT changes the policy: apply the office preset (src/messaging/managed-policy.ts). */
export function startManagedPolicy(): Promise<unknown> {
  const managed = (browser.storage as unknown as { managed?: ManagedArea }).managed;
  const apply = () =>
    applyManagedPolicy({
      readManaged: () => (managed ? managed.get(null) : Promise.resolve({})),
      saveAdapters: async (adapters) => {
        for (const a of adapters) await storage.saveAdapter({ id: a.id, adapter: a });
        await mirrorSavedAdapters();
      },
      setLocal: (items) => browser.storage.local.set(items),
    }).catch((err) => console.warn('[award-pilot] managed policy not applied / 托管策略未应用:', err));
  browser.storage.onChanged.addListener((_changes: unknown, area: string) => {
    if (area === 'managed') void apply();
  });
  return apply();
}
