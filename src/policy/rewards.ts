import { bi, type Bilingual } from '../core/i18n.ts';
import type { AwardPack } from './schema.ts';

/** 第十一条: the one-off reward for a tier and applicant kind, in yuan (`null` where the award's measures as known do not say). */
export function rewardYuan<P extends AwardPack>(
  policy: P,
  tier: 'award' | 'nomination',
  kind: 'organization' | 'individual',
): P['rewards']['mayorAward']['organization'] {
  return (tier === 'award' ? policy.rewards.mayorAward : policy.rewards.nominationAward)[kind];
}

/** 500000 → "500,000 元 / CNY 500,000": every amount reads the same in the case view and the year totals. */
export const formatYuan = (yuan: number): Bilingual => bi(`${yuan.toLocaleString('en-US')} 元`, `CNY ${yuan.toLocaleString('en-US')}`);
