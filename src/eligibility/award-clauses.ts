import { bi } from '../core/i18n.ts';
import type { AwardPack, PolicyClause, PolicyPack } from '../policy/schema.ts';
import { citation, messageFor } from './finding.ts';
import { ruleTitle } from './rule-title.ts';
import type { Finding, Rule } from './types.ts';

/**
 * Binds the rule set to one award's measures: each rule is cited with the article and clause the
 * award's data gives (`pack.clauses`); a clause the sources do not give, or a rule whose numbers the
 * pack lacks, becomes a 待补充 finding that says the clause is unverified: never a guessed answer.
 */
export type ClauseBinding =
  | { kind: 'absent' }
  | { kind: 'unverified'; clause: PolicyClause | null }
  | { kind: 'ready'; clause: PolicyClause; pack: PolicyPack };

/** The pack section a rule reads its numbers from. */
const sectionOf = (rule: Rule): 'organization' | 'individual' | 'bans' =>
  rule.appliesTo === 'organization' ? 'organization' : rule.appliesTo === 'individual' ? 'individual' : 'bans';

export function bindClause(rule: Rule, pack: AwardPack): ClauseBinding {
  const clause = pack.clauses[rule.id];
  if (!clause) return { kind: 'absent' };
  if (clause.status === 'missing' || pack[sectionOf(rule)] === null) return { kind: 'unverified', clause };
  // The rule's section is present; the rest of a partly known pack is not read by the rule.
  return { kind: 'ready', clause, pack: pack as PolicyPack };
}

/** Re-cites a finding with the award's article and clause. */
export function recite(finding: Finding, clause: PolicyClause): Finding {
  return { ...finding, message: messageFor(citation(clause), finding.status, finding.detail) };
}

/** 待补充: the award's measures as known do not give this clause. */
export function unverifiedFinding(rule: Rule, clause: PolicyClause | null, pack: AwardPack): Finding {
  const note = clause?.note ?? bi('现有资料中未见该条款原文', 'the text of this clause was not found in any source');
  const title = ruleTitle(rule, pack);
  const detail = bi(
    `《${pack.award.name.zh}》${title.zh}的条款未经核实（${note.zh}），请以主管部门发布的正式文本为准并提供相应材料`,
    `the ${pack.award.name.en} clause on “${title.en}” is unverified (${note.en}): check the official text and provide the material it asks for`,
  );
  const cite = clause ? citation(clause) : bi('（条款未核实）', '(clause unverified)');
  return { rule: rule.id, status: 'needs-evidence', message: messageFor(cite, 'needs-evidence', detail), detail, evidence: [], fields: [] };
}
