export { policyPackSchema, type PolicyPack, type PolicySource } from './schema.ts';
export { lianyungang2021, defaultPolicy } from './lianyungang-2021.ts';
export { formatYuan, rewardYuan } from './rewards.ts';
export { citeRule, formatSource } from './cite.ts';
