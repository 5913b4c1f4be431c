import { citeArticle } from '../core/articles.ts';
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
  return citeArticle(source);
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
