import type { PolicyPack } from './schema.ts';

/** 第十一条: the one-off reward for a tier and applicant kind, in yuan. */
export function rewardYuan(policy: PolicyPack, tier: 'award' | 'nomination', kind: 'organization' | 'individual'): number {
  return (tier === 'award' ? policy.rewards.mayorAward : policy.rewards.nominationAward)[kind];
}
