import { describe, expect, it } from 'vitest';
import { catalogue, NOT_TRANSLATED } from '../../../src/i18n/catalogue.ts';
import { browserLang, effectivePrefs, readPrefs, resolveLang, textIn } from '../../../src/i18n/language.ts';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue (issue 13)', () => {
  for (const [name, section] of Object.entries(catalogue)) {
    it(`${name}: every key exists in Chinese and in English, filled, with the same placeholders`, () => {
      const zhKeys = Object.keys(section.zh).sort();
      const enKeys = Object.keys(section.en).sort();
      expect(enKeys).toEqual(zhKeys);
      expect(zhKeys.length).toBeGreaterThan(0);
      for (const k of zhKeys) {
        const zh = (section.zh as Record<string, string>)[k]!;
        const en = (section.en as Record<string, string>)[k]!;
        expect(zh.trim(), `${name}:${k} zh`).not.toBe('');
        expect(en.trim(), `${name}:${k} en`).not.toBe('');
        expect(placeholders(en), `${name}:${k} placeholders`).toEqual(placeholders(zh));
        // English reads as English (language names in their own script excepted); no stray English in Chinese
        if (!NOT_TRANSLATED.has(`${name}:${k}`)) expect(CJK.test(en), `${name}:${k} en has Chinese: ${en}`).toBe(false);
        expect(/\b(the|and|of|to)\b/i.test(zh), `${name}:${k} zh has English words: ${zh}`).toBe(false);
      }
    });
  }
});

describe('the language setting', () => {
  it('follows the browser: 中文 for any zh-*, English otherwise', () => {
    for (const l of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH-cn']) expect(browserLang(l)).toBe('zh');
    for (const l of ['en-US', 'fr', '', undefined, 'zhx']) expect(browserLang(l)).toBe('en');
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('both', 'en-US')).toBe('both');
  });
  it('reads stored preferences leniently', () => {
    expect(readPrefs(null)).toEqual({ language: 'auto', focusTips: true });
    expect(readPrefs({ language: 'fr', focusTips: 'no' })).toEqual({ language: 'auto', focusTips: true });
    expect(readPrefs({ language: 'en', focusTips: false })).toEqual({ language: 'en', focusTips: false });
  });
  it('a locked managed preset wins; an unlocked one is only the default', () => {
    const own = { language: 'en', focusTips: true };
    expect(effectivePrefs(own, { language: 'zh', focusTips: false, locked: ['language'] })).toEqual({ language: 'zh', focusTips: true });
    expect(effectivePrefs(own, { language: 'zh', focusTips: false, locked: [] })).toEqual(own);
    expect(effectivePrefs(undefined, { language: 'zh', focusTips: false, locked: [] }, false)).toEqual({ language: 'zh', focusTips: false });
  });
  it('shows one language at a time, both only when asked', () => {
    const t = { zh: '预检', en: 'Pre-check' };
    expect(textIn(t, 'zh')).toBe('预检');
    expect(textIn(t, 'en')).toBe('Pre-check');
    expect(textIn(t, 'both')).toBe('预检 / Pre-check');
  });
});
