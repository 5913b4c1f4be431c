import type { Application } from '../application/schema.ts';
import type { AwardPack } from '../policy/schema.ts';
import { bindClause, recite, unverifiedFinding } from './award-clauses.ts';
import { worst } from './finding.ts';
import { rules } from './registry.ts';
import type { EligibilityReport, Finding, Verdict } from './types.ts';

// The judgement alone, apart from `evaluateEligibility`'s input checks (the application and award-pack
// schemas): the background service worker judges readings it already parsed by the shipped packs, which
// a unit test checks at build time, so it bundles neither schema for this (issue 19).

/** `ineligible` if any finding fails, else `incomplete` if any needs evidence, else `eligible` (contract §2). */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const status = worst(findings.map((f) => f.status));
  return status === 'fail' ? 'ineligible' : status === 'needs-evidence' ? 'incomplete' : 'eligible';
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
