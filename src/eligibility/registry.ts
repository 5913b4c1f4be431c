import { rule as r8_1 } from './rules/8-1-operation.ts';
import { rule as r8_2 } from './rules/8-2-quality-system.ts';
import { rule as r8_3 } from './rules/8-3-products.ts';
import { rule as r8_4 } from './rules/8-4-performance.ts';
import { rule as r8_5 } from './rules/8-5-quality-staff.ts';
import { rule as r8_6 } from './rules/8-6-integrity.ts';
import { rule as r9_1 } from './rules/9-1-experience.ts';
import { rule as r9_2 } from './rules/9-2-conduct.ts';
import { rule as r9_3 } from './rules/9-3-craftsmanship.ts';
import { rule as r9_4 } from './rules/9-4-headed-organization.ts';
import { rule as r14 } from './rules/14-false-material-fraud.ts';
import { rule as r15 } from './rules/15-incident-revocation.ts';
import { rule as r16 } from './rules/16-mayor-award-lock.ts';
import type { Rule, RuleId } from './types.ts';

export { ruleTitle } from './rule-title.ts';

/** Every eligibility rule, in the order findings are reported. */
export const rules: readonly Rule[] = [r8_1, r8_2, r8_3, r8_4, r8_5, r8_6, r9_1, r9_2, r9_3, r9_4, r14, r15, r16];

export const ruleIds: readonly RuleId[] = rules.map((r) => r.id);

export const ruleById = Object.fromEntries(rules.map((r) => [r.id, r])) as Record<RuleId, Rule>;

/** The application field paths each rule reads (hint badges sit beside these fields). */
export const fieldsForRule = Object.fromEntries(rules.map((r) => [r.id, [...r.fields]])) as Record<RuleId, string[]>;

