import type { Application } from '../application/schema.ts';
import type { Bilingual } from '../core/i18n.ts';
import type { AwardPack, PolicyPack } from '../policy/schema.ts';

/** Contract §2. */
export type RuleId = '8.1' | '8.2' | '8.3' | '8.4' | '8.5' | '8.6' | '9.1' | '9.2' | '9.3' | '9.4' | '14' | '15' | '16';

/** `needs-evidence`: a fact is missing or only the reviewer can judge it. */
export type Status = 'pass' | 'fail' | 'needs-evidence';

export interface Finding {
  rule: RuleId;
  status: Status;
  message: Bilingual;
  /** `message` without its leading citation and status ("第八条（一）不符合："), for views that show both themselves. */
  detail: Bilingual;
  /** Documents to attach, by their Chinese names; English names in `evidenceLabels`. */
  evidence: string[];
  /**
   * Application field paths behind a `fail` or `needs-evidence` status (the date that is too
   * recent, the facts still unknown); empty on `pass`. `fieldsForRule` lists all a rule reads.
   */
  fields: string[];
  /** each fact that is not met, one per entry (failures first): the lines `detail` joins */
  problems?: Problem[];
}

/** One unmet fact of a clause: its status, what to do, and the field it is about. */
export interface Problem {
  status: Exclude<Status, 'pass'>;
  text: Bilingual;
  field?: string;
  /** not given yet (as opposed to given and not meeting the clause) */
  missing?: boolean;
}

export type Verdict = 'eligible' | 'ineligible' | 'incomplete';

export interface EligibilityReport {
  verdict: Verdict;
  findings: Finding[];
}

export type Applicability = 'organization' | 'individual' | 'both';

/** Every rule file exports one of these as `rule` (same shape everywhere). */
export interface Rule {
  id: RuleId;
  // The article and clause it enforces are the award's data (`AwardPack.clauses[id]`), not the rule's.
  /** What it checks; a title that names another clause is built from the award's data (read it with `ruleTitle`). */
  title: Bilingual | ((pack: AwardPack) => Bilingual);
  appliesTo: Applicability;
  /** Application field paths the rule reads (for hint badges beside the portal's fields). */
  fields: readonly string[];
  evaluate(app: Application, policy: PolicyPack): Finding;
}
