import type { PolicyPack } from '../policy/schema.ts';

/**
 * 综合评价 (第十条（五）): the office ranks the reviewed applicants by their final score and proposes a
 * list within the 第四条 quotas of the policy pack: at most `award.max` awards and `nomination.max`
 * nominations a year, each with at most `maxIndividuals` individuals. A proposal only: the office
 * deliberates it, and ties at a quota's edge are marked for that deliberation, not broken by the code.
 */
export interface RankEntry {
  caseId: string;
  applicantName: string;
  kind: 'organization' | 'individual';
  total: number;
  /** the site visit / presentation is recorded */
  siteDone: boolean;
}
export interface RankedEntry extends RankEntry {
  rank: number;
  proposed: 'award' | 'nomination' | null;
  /** shares its score with an entry on the other side of a quota line */
  tieAtEdge: boolean;
}
export interface Ranking {
  entries: RankedEntry[];
  quotas: PolicyPack['quotas'];
  source: string;
}

export function rankApplicants(input: readonly RankEntry[], policy: Pick<PolicyPack, 'quotas'>): Ranking {
  const sorted = [...input].sort((a, b) => b.total - a.total || a.applicantName.localeCompare(b.applicantName, 'zh-CN') || a.caseId.localeCompare(b.caseId));
  const tiers: ('award' | 'nomination')[] = ['award', 'nomination'];
  const taken = { award: 0, nomination: 0 };
  const takenIndividuals = { award: 0, nomination: 0 };
  const entries: RankedEntry[] = sorted.map((e, i) => {
    let proposed: RankedEntry['proposed'] = null;
    if (e.siteDone) {
      for (const tier of tiers) {
        const q = policy.quotas[tier];
        if (taken[tier] >= q.max) continue;
        if (e.kind === 'individual' && takenIndividuals[tier] >= q.maxIndividuals) continue;
        proposed = tier;
        taken[tier] += 1;
        if (e.kind === 'individual') takenIndividuals[tier] += 1;
        break;
      }
    }
    const rank = sorted.findIndex((x) => x.total === e.total) + 1;
    return { ...e, rank, proposed, tieAtEdge: false };
  });
  for (const e of entries) {
    e.tieAtEdge = entries.some((o) => o !== e && o.total === e.total && o.proposed !== e.proposed && o.siteDone && e.siteDone);
  }
  return { entries, quotas: policy.quotas, source: policy.quotas.award.source.article };
}
