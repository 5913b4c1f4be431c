import { citeArticle } from '../core/articles.ts';
import type { Bilingual } from '../core/i18n.ts';
import type { AwardPack, PolicySource } from '../policy/schema.ts';

/**
 * The article an award's measures give for a rule reference ("10.5", "16", "11", "4"), cited as they
 * write it: 第十条（五） / Art. 10(5). Works on partly known packs (the Jiangsu award): a reference
 * the pack does not give reads 条款未核实 / clause unverified, never another award's number.
 */
export function citeIn(pack: AwardPack, ref: string): Bilingual {
  const source = sourceIn(pack, ref);
  if (source) return citeArticle(source);
  const clause = pack.clauses[ref];
  if (clause && clause.status === 'verified') return citeArticle(clause);
  return { zh: '条款未核实', en: 'clause unverified' };
}

function sourceIn(pack: AwardPack, ref: string): Pick<PolicySource, 'article' | 'clause'> | null {
  const groups: Array<Record<string, PolicySource> | undefined> = [
    pack.organization?.sources,
    pack.individual?.sources,
    pack.bans?.sources,
    pack.lifecycle.sources,
    { award: pack.quotas.award.source, nomination: pack.quotas.nomination.source, rewards: pack.rewards.source },
  ];
  for (const g of groups) for (const s of Object.values(g ?? {})) if (s.ref === ref) return s;
  return null;
}
