/** See one-language.mjs: text under `root` (default: the body) left in the other language than `lang`. */
export function leftInOtherLanguage(lang: 'zh' | 'en', root?: Element): string[];
