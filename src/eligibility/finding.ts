import { fieldLabel } from '../application/labels.ts';
import type { Application, IndividualApplicant, OrganizationApplicant } from '../application/schema.ts';
import { citeArticle } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import type { AwardPack } from '../policy/schema.ts';
import type { EvidenceName } from './evidence.ts';
import type { Finding, Problem, Rule, Status } from './types.ts';

/**
 * The outcome of one fact inside a clause; `problem` says what is wrong and how to fix it,
 * `field` is the application field path it is about (for the hint badge beside that field).
 */
export interface Check {
  status: Status;
  problem?: Bilingual;
  field?: string;
  /** the fact is simply not given yet (`missing`), as opposed to given and judged */
  missing?: boolean;
}

export const ok: Check = { status: 'pass' };
export const fail = (zh: string, en: string, field?: string): Check => ({ status: 'fail', problem: { zh, en }, ...(field ? { field } : {}) });
export const needs = (zh: string, en: string, field?: string): Check => ({
  status: 'needs-evidence',
  problem: { zh, en },
  ...(field ? { field } : {}),
});

/** `第八条（一）` / `Art. 8(1)`, for any article number the award's data gives. */
export function citation(rule: { article: string; clause: string | null }): Bilingual {
  return citeArticle(rule);
}

/** A yes/no fact that must be true (registered here, good credit …). */
export function mustBeTrue(value: boolean | null | undefined, field: string, whenFalse: Bilingual): Check {
  if (value === true) return ok;
  if (value === false) return { status: 'fail', problem: whenFalse, field };
  return missing(field);
}

/** A yes/no fact that must be false (a dishonesty record, other violations …). */
export function mustBeFalse(value: boolean | null | undefined, field: string, whenTrue: Bilingual): Check {
  if (value === false) return ok;
  if (value === true) return { status: 'fail', problem: whenTrue, field };
  return missing(field);
}

/** A count that must be zero. */
export function mustBeZero(value: number | null | undefined, field: string, whenSome: (n: number) => Bilingual): Check {
  if (value === 0) return ok;
  if (typeof value === 'number') return { status: 'fail', problem: whenSome(value), field };
  return missing(field);
}

/** An unknown fact: never a silent pass. */
export function missing(field: string): Check {
  const label = fieldLabel(field);
  return { ...needs(`未填写“${label.zh}”，请填写并附证明`, `“${label.en}” is not given: fill it in and attach proof`, field), missing: true };
}

export function worst(statuses: readonly Status[]): Status {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('needs-evidence')) return 'needs-evidence';
  return 'pass';
}

/** Folds a clause's checks into its finding; problems are listed failures first. */
export function conclude(
  rule: Pick<Rule, 'id'>,
  policy: AwardPack,
  checks: readonly Check[],
  evidence: readonly EvidenceName[],
  whenPassed: Bilingual,
): Finding {
  const status = worst(checks.map((c) => c.status));
  // the article and clause come from the award's data (\`pack.clauses\`), never from the rule file
  const clause = policy.clauses[rule.id];
  const cite = clause && clause.status === 'verified' ? citation(clause) : bi('（条款未核实）', '(clause unverified)');
  const problems = [...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status === 'needs-evidence')]
    .map((c) => c.problem)
    .filter((p): p is Bilingual => p !== undefined);
  const zhList = problems.map((p) => p.zh).join('；');
  const enList = problems.map((p) => p.en).join('; ');
  const detail: Bilingual = status === 'pass' ? whenPassed : { zh: zhList, en: enList };
  const message = messageFor(cite, status, detail);
  const fields = [...new Set(checks.filter((c) => c.status === status && c.field).map((c) => c.field!))];
  // Each fact that is not met, on its own (failures first), for views that list them one per line.
  const itemised: Problem[] = [...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status === 'needs-evidence')]
    .filter((c) => c.problem !== undefined)
    .map((c) => ({ status: c.status as Problem['status'], text: c.problem!, ...(c.field ? { field: c.field } : {}), ...(c.missing ? { missing: true } : {}) }));
  return { rule: rule.id, status, message, detail, evidence: [...evidence], fields, problems: itemised };
}

/** A finding's message: its citation, its status in words, then the detail. */
export function messageFor(cite: Bilingual, status: Status, detail: Bilingual): Bilingual {
  return status === 'pass'
    ? { zh: `${cite.zh}符合：${detail.zh}`, en: `${cite.en} met: ${detail.en}` }
    : status === 'fail'
      ? { zh: `${cite.zh}不符合：${detail.zh}`, en: `${cite.en} not met: ${detail.en}` }
      : { zh: `${cite.zh}待补充：${detail.zh}`, en: `${cite.en} needs evidence: ${detail.en}` };
}

export function organizationOf(app: Application): OrganizationApplicant {
  if (app.applicant.kind !== 'organization') throw new TypeError('rule applies to organisations only');
  return app.applicant;
}

export function individualOf(app: Application): IndividualApplicant {
  if (app.applicant.kind !== 'individual') throw new TypeError('rule applies to individuals only');
  return app.applicant;
}
