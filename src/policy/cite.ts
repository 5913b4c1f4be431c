import type { Bilingual } from '../core/i18n.ts';
import { defaultPolicy } from './lianyungang-2021.ts';
import type { PolicyPack, PolicySource } from './schema.ts';

/**
 * The one place a rule reference ("8.1", "14", "10.1") becomes the citation a person reads:
 * 第八条（一） / Art. 8(1). The article and clause come from the policy pack's `sources`, so a pack
 * (or, later, award data) that numbers its articles differently is cited as it is written.
 */
export function citeRule(ref: string, policy: PolicyPack = defaultPolicy): Bilingual {
  const source = findSource(ref, policy);
  if (!source) return { zh: ref, en: ref };
  return formatSource(source);
}

/** `{ article: 第八条, clause: (一) }` → 第八条（一） / Art. 8(1). */
export function formatSource(source: Pick<PolicySource, 'article' | 'clause'>): Bilingual {
  const clause = source.clause?.replace(/[()（）]/g, '') ?? '';
  const articleNumber = chineseNumber(source.article.replace(/^第|条$/g, ''));
  const clauseNumber = clause ? chineseNumber(clause) : null;
  return {
    zh: `${source.article}${clause ? `（${clause}）` : ''}`,
    en: `Art. ${articleNumber ?? source.article}${clause ? `(${clauseNumber ?? clause})` : ''}`,
  };
}

function findSource(ref: string, policy: PolicyPack): Pick<PolicySource, 'article' | 'clause'> | null {
  const groups: Array<Record<string, PolicySource> | undefined> = [
    policy.organization.sources,
    policy.individual.sources,
    policy.bans.sources,
    policy.lifecycle.sources,
  ];
  for (const g of groups) for (const s of Object.values(g ?? {})) if (s.ref === ref) return s;
  return null;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 八 → 8, 十四 → 14, 二十一 → 21 (article and clause numbers). */
function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]]! : null;
  return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0);
}
