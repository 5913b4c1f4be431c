import type { Bilingual } from '../core/i18n.ts';
import { stageTitlesFor, tierTitlesFor } from '../../machines/case.stages.ts';
import type { PolicyPack } from '../policy/schema.ts';
import type { AwardPack } from '../policy/schema.ts';
import { rowRewardYuan } from './case-sheet.ts';
import type { StaffCaseRow } from './rows.ts';

/** The award pack a listed case is judged by (its own award and version); null when it cannot be judged. */
export type PackOfRow = (row: StaffCaseRow) => AwardPack | null;

/**
 * What an exported row names in its own case's award (issue 16): its stage and tier in that award's
 * words, and its reward only where those measures give one (an unverified amount stays empty, never
 * another award's). Without `packOf`, every row in `policy`'s.
 */
export function rowLabelsFor(policy: PolicyPack, packOf?: PackOfRow): (r: StaffCaseRow) => { stage: Bilingual; tier: Bilingual | null; reward: number | null } {
  const cache = new Map<AwardPack, { stages: ReturnType<typeof stageTitlesFor>; tiers: ReturnType<typeof tierTitlesFor> }>();
  return (r) => {
    const pack = packOf?.(r) ?? policy;
    let names = cache.get(pack);
    if (!names) cache.set(pack, (names = { stages: stageTitlesFor(pack.award), tiers: tierTitlesFor(pack.award) }));
    return { stage: names.stages[r.stage], tier: r.tier ? names.tiers[r.tier] : null, reward: rowRewardYuan(r, pack as PolicyPack) };
  };
}

/** The reward column's header: the award's own article when every row shares one award, else a plain 奖励（元）. */
export function sharedRewardHeader(rows: readonly StaffCaseRow[], policy: PolicyPack, packOf?: PackOfRow): Bilingual {
  const articles = new Set(rows.map((r) => (packOf?.(r) ?? policy).rewards.source.article));
  const [only = policy.rewards.source.article] = articles;
  return { zh: `${articles.size <= 1 ? only : ''}奖励（元）`, en: 'Reward (CNY)' };
}
