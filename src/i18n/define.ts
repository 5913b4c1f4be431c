import type { Bilingual } from '../core/i18n.ts';
import { fill } from './language.ts';

/**
 * One section of the message catalogue: every key in Chinese and in English (the compiler checks the
 * English side has the same keys; test/unit/i18n/catalogue.test.ts checks both are filled, read as
 * their language and carry the same placeholders). Sections are split only so that the content
 * script bundles just its own few strings.
 */
export interface Section<K extends string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}
export function defineSection<const Z extends Record<string, string>>(zh: Z, en: Readonly<Record<keyof Z & string, string>>): Section<keyof Z & string> {
  return { zh, en };
}

/** A catalogue entry as the UI's bilingual pair, placeholders filled in both languages. */
export function entry<K extends string>(section: Section<K>, key: K, vars?: Readonly<Record<string, string | number>>): Bilingual {
  return { zh: fill(section.zh[key], vars), en: fill(section.en[key], vars) };
}
