import { articleRef, citeArticle } from '../core/articles.ts';

export { citeWritten } from '../core/articles.ts';
import type { Bilingual } from '../core/i18n.ts';
import type { AwardPack, PolicySource } from '../policy/schema.ts';

/**
 * The article an award's measures give for a rule reference ("10.5", "16", "11", "4"), cited as they
 * write it: 第十条（五） / Art. 10(5). Works on partly known packs (the Jiangsu award): a reference
 * the pack does not give reads 条款未核实 / clause unverified, never another award's number.
 */
export function citeIn(pack: AwardPack, ref: string): Bilingual {
  // the eligibility clauses first: they are what the findings cite, so both always agree
  const clause = pack.clauses[ref];
  if (clause) return clause.status === 'verified' ? citeArticle(clause) : unverified;
  const source = sourceIn(pack, ref);
  if (source) return citeArticle(source);
  return unverified;
}

const unverified: Bilingual = { zh: '条款未核实', en: 'clause unverified' };

/** Two or more articles cited together: 第十四条/第十五条 (an unverified one said once). */
export function citeAllIn(pack: AwardPack, refs: readonly string[], sep = '/'): Bilingual {
  const cites = refs.map((r) => citeIn(pack, r));
  const uniq = (xs: string[]) => [...new Set(xs)];
  return { zh: uniq(cites.map((c) => c.zh)).join(sep), en: uniq(cites.map((c) => c.en)).join(sep === '/' ? '/' : ', ') };
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

/** The bare article a rule reference sits in (第八条 for "8.1"), or null when the pack does not verify it. */
export function articleIn(pack: AwardPack, ref: string): string | null {
  const clause = pack.clauses[ref];
  if (clause) return clause.status === 'verified' ? clause.article : null;
  return sourceIn(pack, ref)?.article ?? null;
}

/**
 * A citation the lifecycle machine's meta writes in the default award's numbering (第十条(五) / 第十四条,
 * 第十条(四)–(五)) re-cited in `pack`'s own numbering; a part it cannot read is 条款未核实, never copied.
 */
export function recite(pack: AwardPack, written: string): Bilingual {
  const parts = written.split(/\s*\/\s*/).map((part): Bilingual => {
    const range = /^(第.+?条)[(（](.+?)[)）]–[(（](.+?)[)）]$/.exec(part.trim());
    if (range) {
      const [a, b] = [articleRef(`${range[1]}(${range[2]})`), articleRef(`${range[1]}(${range[3]})`)];
      if (a && b) {
        const [x, y] = [citeIn(pack, a), citeIn(pack, b)];
        return x.zh === y.zh ? x : { zh: `${x.zh}–${y.zh}`, en: `${x.en}–${y.en}` };
      }
    }
    const ref = articleRef(part);
    return ref ? citeIn(pack, ref) : unverified;
  });
  const uniq = (xs: string[]) => [...new Set(xs)];
  return { zh: uniq(parts.map((p) => p.zh)).join(' / '), en: uniq(parts.map((p) => p.en)).join(' / ') };
}

