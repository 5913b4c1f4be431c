import { z } from '../core/zod-mini.ts';
import { describeIssue } from '../application/messages.ts';
import { applicationSchema, type Application } from '../application/schema.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import { awardPackSchema, type AwardPack, type PolicyPack } from '../policy/schema.ts';
import { bindClause, recite, unverifiedFinding } from './award-clauses.ts';
import { worst } from './finding.ts';
import { rules } from './registry.ts';
import type { EligibilityReport, Finding, Verdict } from './types.ts';
import { parseOrThrow, zodError } from '../core/zod-contract.ts';

export interface EligibilityOptions {
  /** The award and version of its measures to judge by (default: Lianyungang 2021). */
  policy?: PolicyPack | AwardPack;
}

const optionsSchema = z.optional(z.object({ policy: z.optional(awardPackSchema) }));

/** `ineligible` if any finding fails, else `incomplete` if any needs evidence, else `eligible` (contract §2). */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const status = worst(findings.map((f) => f.status));
  return status === 'fail' ? 'ineligible' : status === 'needs-evidence' ? 'incomplete' : 'eligible';
}

/**
 * The eligibility pre-check (contract §2): one finding per clause of 第八条 (organisations) or
 * 第九条 (individuals), then 第十四条–第十六条. Throws a ZodError on a malformed application or policy.
 */
export function evaluateEligibility(application: unknown, options?: EligibilityOptions): EligibilityReport {
  const parsed = applicationSchema.safeParse(application, { reportInput: true });
  if (!parsed.success) {
    // Re-thrown with every message naming its field ("发明专利数量：不能为负数 / Invention patents …").
    throw zodError(
      parsed.error.issues.map(({ input: _input, ...issue }) => {
        const m = describeIssue({ ...issue, input: _input });
        return { ...issue, message: `${m.zh} / ${m.en}` };
      }),
    );
  }
  const policy: AwardPack = options?.policy === undefined ? defaultPolicy : parseOrThrow(optionsSchema, options)!.policy!;
  return evaluateValidated(parsed.data, policy);
}

/**
 * The same pre-check on an application that `parseApplication` already accepted, judged by a pack that
 * is already validated (the shipped award packs): nothing is parsed again. The extension's pre-check
 * uses it so one reading is parsed once (issue 19); everyone else calls `evaluateEligibility`.
 */
export function evaluateValidated(app: Application, policy: AwardPack): EligibilityReport {
  const kind = app.applicant.kind;
  const findings: Finding[] = [];
  for (const r of rules) {
    if (r.appliesTo !== 'both' && r.appliesTo !== kind) continue;
    const bound = bindClause(r, policy);
    if (bound.kind === 'absent') continue;
    findings.push(bound.kind === 'unverified' ? unverifiedFinding(r, bound.clause, policy) : recite(r.evaluate(app, bound.pack), bound.clause));
  }
  return { verdict: verdictOf(findings), findings };
}
