import type { Bilingual } from '../../core/i18n.ts';
import { applyPickedLocators, shippedPortalAdapters, type PickedLocator } from '../../portal/index.ts';
import { saveAdapter } from '../../storage/index.ts';
import { mirrorSavedAdapters, savedPortalAdapters } from '../options/adapter-mirror.ts';

/**
 * A pick started from the side panel: put the picked locators first for that field in the adapter
 * (saved copy, else the shipped one), save it, and mirror the saved adapters for the content script.
 * Idempotent, so it is harmless when the options page's editor applies the same pick.
 */
export async function savePickedLocators(pick: { adapterId: string | null; field: string; locators: PickedLocator[] }): Promise<Bilingual> {
  const saved = await savedPortalAdapters();
  const id = pick.adapterId ?? 'demo-portal';
  const base = saved.find((a) => a.id === id) ?? shippedPortalAdapters.find((a) => a.id === id);
  if (!base) return { zh: `未找到适配器“${id}”，定位未保存`, en: `adapter “${id}” not found; locator not saved` };
  const applied = applyPickedLocators(base, pick.field, pick.locators);
  if (!applied.ok) return applied.error;
  const next = applied.adapter;
  await saveAdapter({ id: next.id, adapter: next });
  await mirrorSavedAdapters([...saved.filter((a) => a.id !== next.id), next]);
  // The content script re-reads adapters from storage.local whenever they change: no reload needed.
  return {
    zh: `已保存新的字段定位：“${applied.field.zh}”已对应到所选输入框，立即生效`,
    en: `new locator saved: “${applied.field.en}” is now mapped to the picked input and takes effect at once`,
  };
}
