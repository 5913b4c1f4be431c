import { leftInOtherLanguage } from '../../tools/one-language.mjs';

/**
 * Every piece of text a person meets in `root` that is Chinese although English is chosen: text in any
 * element (not only a control's own), option and optgroup labels, placeholders, titles and aria-labels.
 * Text inside an element marked lang="zh…" or translate="no" is data or deliberately Chinese.
 * The same check the surfaces e2e runs in Chromium (test/tools/one-language.mjs).
 */
export const chineseLeft = (root: Element): string[] => leftInOtherLanguage('en', root);

/** Every English word a person meets in `root` although Chinese is chosen (names like GB/T, PDF, Excel aside). */
export const englishLeft = (root: Element): string[] => leftInOtherLanguage('zh', root);
