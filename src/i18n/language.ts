/**
 * The UI language (issue 13): 中文, English or 中英对照, one at a time by default.
 * Pure and zod-free: the content script imports it too (its size budget is small).
 */
import type { Bilingual } from '../core/i18n.ts';

/** what a person reads: one language, or both (Chinese first) */
export type Lang = 'zh' | 'en' | 'both';
/** the setting: `auto` follows the browser's language (中文 for zh-*, English otherwise) */
export type LanguageSetting = 'auto' | Lang;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', 'zh', 'en', 'both'];

/** storage.local key of the person's display preferences (extension origin only; the content script reads it too) */
export const UI_PREFS_KEY = 'uiPreferences';

export interface UiPrefs {
  language: LanguageSetting;
  /** the tip beside the focused portal field (第八条… what that field needs); off = badges only */
  focusTips: boolean;
}
export const DEFAULT_PREFS: UiPrefs = { language: 'auto', focusTips: true };

/** The browser's language → 中文 for any zh-* (zh, zh-CN, zh-TW, zh-Hans-CN …), English otherwise. */
export function browserLang(navigatorLanguage: string | undefined | null): 'zh' | 'en' {
  return /^zh\b/i.test(navigatorLanguage ?? '') ? 'zh' : 'en';
}

export function resolveLang(setting: LanguageSetting, navigatorLanguage: string | undefined | null): Lang {
  return setting === 'auto' ? browserLang(navigatorLanguage) : setting;
}

/** Stored preferences, read leniently: anything unknown falls back to the default (never throws). */
export function readPrefs(raw: unknown): UiPrefs {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const language = LANGUAGE_SETTINGS.includes(o.language as LanguageSetting) ? (o.language as LanguageSetting) : DEFAULT_PREFS.language;
  const focusTips = typeof o.focusTips === 'boolean' ? o.focusTips : DEFAULT_PREFS.focusTips;
  return { language, focusTips };
}

/**
 * A managed policy (src/messaging/managed-policy.ts) may preset and lock these; a locked preset wins
 * over the person's own choice, an unlocked one is only the default.
 */
export function effectivePrefs(own: unknown, managed: { language?: LanguageSetting | null; focusTips?: boolean | null; locked?: readonly string[] } | null, hasOwn = true): UiPrefs {
  const mine = readPrefs(own);
  if (!managed) return mine;
  const locked = new Set(managed.locked ?? []);
  const preset = (k: 'language' | 'focusTips') => managed[k] !== undefined && managed[k] !== null;
  return {
    language: preset('language') && (locked.has('language') || !hasOwn) ? (managed.language as LanguageSetting) : mine.language,
    focusTips: preset('focusTips') && (locked.has('focusTips') || !hasOwn) ? (managed.focusTips as boolean) : mine.focusTips,
  };
}

/** One text in the chosen language; both: "中文 / English" (for attributes, titles and plain strings). */
export function textIn(text: Bilingual, lang: Lang, joiner = ' / '): string {
  if (lang === 'zh') return text.zh;
  if (lang === 'en') return text.en;
  return text.zh === text.en ? text.zh : `${text.zh}${joiner}${text.en}`;
}

/** `{name}` placeholders filled in (values are plain text; never markup). */
export function fill(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

/** The office's language preset and locks, as the managed policy mirrored in storage.local holds them (null: no policy). */
export interface ManagedPrefs { language: LanguageSetting | null; focusTips: boolean | null; locked: string[]; portalSites: string[] }
export function readManagedPrefs(raw: unknown): ManagedPrefs | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  return {
    language: typeof m.language === 'string' ? readPrefs({ language: m.language }).language : null,
    focusTips: typeof m.focusTips === 'boolean' ? m.focusTips : null,
    locked: Array.isArray(m.lockedSettings) ? m.lockedSettings.filter((x): x is string => typeof x === 'string') : [],
    portalSites: Array.isArray(m.portalSites) ? m.portalSites.filter((x): x is string => typeof x === 'string') : [],
  };
}
