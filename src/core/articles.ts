import type { Bilingual } from './i18n.ts';

/**
 * Article numbers as the measures write them (第十四条) and as English cites them (Art. 14).
 * Works for any article of any award's measures, so no article table lives in an engine.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十四 → 14, 二十一 → 21, 一百零二 → 102; `null` for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
      seen = true;
    } else if (ch === '十' || ch === '百') {
      total += (seen || digit ? digit : 1) * (ch === '十' ? 10 : 100);
      digit = 0;
      seen = false;
    } else return null;
  }
  return text.length ? total + digit : null;
}

/** `第十四条` → `14`; anything that is not a plain article number is returned unchanged. */
export function articleNumberEn(article: string): string {
  const m = /^第(.+)条$/.exec(article);
  const n = m ? chineseNumber(m[1]!) : null;
  return n === null ? article : String(n);
}

/** `(四)` / `（四）` → `4`. */
export function clauseNumberEn(clause: string): string {
  const inner = clause.replace(/[()（）]/g, '');
  const n = chineseNumber(inner);
  return n === null ? clause : String(n);
}

/** `{ article: 第八条, clause: (一) }` → `第八条（一）` / `Art. 8(1)`, for any article the award's data gives. */
export function citeArticle(source: { article: string; clause?: string | null | undefined }): Bilingual {
  const clauseZh = source.clause ? `（${source.clause.replace(/[()（）]/g, '')}）` : '';
  const clauseEn = source.clause ? `(${clauseNumberEn(source.clause)})` : '';
  return { zh: `${source.article}${clauseZh}`, en: `Art. ${articleNumberEn(source.article)}${clauseEn}` };
}

/**
 * An article as the default award's text writes it (第十条(一), 第七条) turned into the rule reference
 * ("10.1", "7") an award pack cites by its own numbering; null for anything else.
 */
export function articleRef(article: string): string | null {
  const m = /^第(.+?)条(?:[(（](.+?)[)）])?$/.exec(article.trim());
  if (!m) return null;
  const n = chineseNumber(m[1]!);
  const c = m[2] === undefined ? null : chineseNumber(m[2]);
  if (n === null || (m[2] !== undefined && c === null)) return null;
  return c === null ? String(n) : `${n}.${c}`;
}

/**
 * An article already written in its award's own numbering (第十七条, 第十条（五）, 第十四条/第十五条, as the
 * duty and ban data carry it) as both languages cite it: 第十七条 / Art. 17. Text it cannot read stays as it is.
 */
export function citeWritten(written: string): Bilingual {
  const parts = written.split(/\s*\/\s*/).map((part): Bilingual => {
    const m = /^(第.+?条)([(（].+?[)）])?$/.exec(part.trim());
    return m && articleRef(part) ? citeArticle({ article: m[1]!, clause: m[2] ?? null }) : { zh: part, en: part };
  });
  return { zh: parts.map((p) => p.zh).join('/'), en: parts.map((p) => p.en).join('/') };
}
