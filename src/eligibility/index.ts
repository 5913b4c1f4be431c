export type { RuleId, Status, Finding, EligibilityReport, Verdict, Rule, Applicability, Problem } from './types.ts';
export { evaluateEligibility, evaluateValidated, verdictOf, type EligibilityOptions } from './evaluate.ts';
export { rules, ruleIds, ruleById, fieldsForRule } from './registry.ts';
export { evidenceLabels, type EvidenceName } from './evidence.ts';
export { citation } from './finding.ts';
export { banEnd } from './bans.ts';
export { integrityChecks, integrityFields, type IntegrityScope } from './integrity.ts';
