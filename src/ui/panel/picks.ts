import { browser } from 'wxt/browser';
import type { Bilingual } from '../../core/i18n.ts';
import { portalAdapterSchema, shippedPortalAdapters, type PortalAdapter } from '../../portal/index.ts';
import { listAdapters, saveAdapter } from '../../storage/index.ts';

type AdapterEditorModule = {
  applyPickedLocators(adapter: PortalAdapter, field: string, picked: { kind: string; value: string }[]): PortalAdapter | null;
  SAVED_ADAPTERS_KEY: string;
};
// The adapter editor (portal area) owns how picked locators enter an adapter; the panel reuses it.
const editorModules = import.meta.glob('/src/ui/options/AdapterSection.tsx');

/**
 * A pick started from the side panel: put the picked locators first for that field in the adapter
 * (saved copy, else the shipped one), save it, and mirror the saved adapters for the content script.
 * Idempotent, so it is harmless when the options page's editor applies the same pick.
 */
export async function savePickedLocators(pick: { adapterId: string | null; field: string; locators: { kind: string; value: string }[] }): Promise<Bilingual> {
  const loader = Object.values(editorModules)[0];
  if (!loader) return { zh: '适配器编辑器尚未安装，定位未保存', en: 'the adapter editor is not available; locator not saved' };
  const editor = (await loader()) as AdapterEditorModule;
  const saved: PortalAdapter[] = [];
  for (const r of await listAdapters()) {
    const parsed = portalAdapterSchema.safeParse(r.adapter);
    if (parsed.success) saved.push(parsed.data);
  }
  const id = pick.adapterId ?? 'demo-portal';
  const base = saved.find((a) => a.id === id) ?? shippedPortalAdapters.find((a) => a.id === id);
  const next = base ? editor.applyPickedLocators(base, pick.field, pick.locators) : null;
  if (!next) return { zh: '未能更新该字段的定位', en: 'could not update the field’s locators' };
  await saveAdapter({ id: next.id, adapter: next });
  const all = [...saved.filter((a) => a.id !== next.id), next];
  await browser.storage.local.set({ [editor.SAVED_ADAPTERS_KEY]: all }).catch(() => undefined);
  return { zh: '已保存新的字段定位，页面刷新后生效', en: 'new locator saved; it applies when the page reloads' };
}
