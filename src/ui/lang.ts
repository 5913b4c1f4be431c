/**
 * The language and display preferences every extension page reads (issue 13): one signal, kept in step
 * with storage.local (the person's choice) and the office's managed policy (a locked preset wins).
 * `document.documentElement` gets `lang` and `data-lang`, which src/ui/lang.css uses to hide the other
 * language's spans in the few places that still write both.
 */
import { computed, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Bilingual } from '../core/i18n.ts';
import { entry, type Section } from '../i18n/define.ts';
import { DEFAULT_PREFS, UI_PREFS_KEY, effectivePrefs, readManagedPrefs, readPrefs, resolveLang, textIn, type Lang, type ManagedPrefs, type UiPrefs } from '../i18n/language.ts';
import { MANAGED_POLICY_KEY } from '../messaging/managed-keys.ts';
import './lang.css';

const navLang = () => (typeof navigator !== 'undefined' ? navigator.language : 'zh-CN');

/** the person's own stored choice */
export const ownPrefs = signal<UiPrefs>(DEFAULT_PREFS);
/** the office's preset and which settings it locks (null: no policy) */
export const managed = signal<ManagedPrefs | null>(null);
const hasOwn = signal(false);
export const prefs = computed(() => effectivePrefs(ownPrefs.value, managed.value, hasOwn.value));
export const lang = signal<Lang>(resolveLang('auto', navLang()));
export const isLocked = (setting: string) => managed.value?.locked.includes(setting) ?? false;

prefs.subscribe((p) => {
  lang.value = resolveLang(p.language, navLang());
});
lang.subscribe((l) => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  document.documentElement.dataset.lang = l;
});

/** A bilingual text in the chosen language (both: "中文 / English"), for attributes and plain strings. */
export const tx = (text: Bilingual, joiner?: string) => textIn(text, lang.value, joiner);
/** A catalogue entry in the chosen language. */
export function msg<K extends string>(section: Section<K>, key: K, vars?: Readonly<Record<string, string | number>>): string {
  return tx(entry(section, key, vars));
}

let started: Promise<void> | null = null;
/** Read the preferences once and follow changes (any page may call it; it runs once). */
export function startLanguage(): Promise<void> {
  started ??= (async () => {
    try {
      const got = await browser.storage.local.get([UI_PREFS_KEY, MANAGED_POLICY_KEY]);
      hasOwn.value = got?.[UI_PREFS_KEY] !== undefined;
      ownPrefs.value = readPrefs(got?.[UI_PREFS_KEY]);
      managed.value = readManagedPrefs(got?.[MANAGED_POLICY_KEY]);
      browser.storage.onChanged.addListener((changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local') return;
        if (UI_PREFS_KEY in changes) {
          hasOwn.value = changes[UI_PREFS_KEY]!.newValue !== undefined;
          ownPrefs.value = readPrefs(changes[UI_PREFS_KEY]!.newValue);
        }
        if (MANAGED_POLICY_KEY in changes) managed.value = readManagedPrefs(changes[MANAGED_POLICY_KEY]!.newValue);
      });
    } catch {
      // no extension storage (unit tests): the browser's language it is
    }
  })();
  return started;
}

/** Save the person's choice (refused for a setting the office has locked). */
export async function savePrefs(next: Partial<UiPrefs>): Promise<boolean> {
  for (const k of Object.keys(next)) if (isLocked(k)) return false;
  const merged = { ...ownPrefs.value, ...next };
  try {
    await browser.storage.local.set({ [UI_PREFS_KEY]: merged });
    ownPrefs.value = merged;
    hasOwn.value = true;
    return true;
  } catch {
    return false;
  }
}

/** The page's title (the browser tab's name) in the chosen language, following a change of it. */
export function titleFollowsLanguage(title: () => string): void {
  effect(() => {
    void lang.value;
    document.title = title();
  });
}
