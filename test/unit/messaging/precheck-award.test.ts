import { describe, expect, it } from 'vitest';
import { runPrecheck, type PrecheckCore } from '../../../src/messaging/precheck.ts';
import { defaultAwardId, evaluateEligibility, fieldsForRule, jiangsuGovernor2023, parseApplication, versionInForce } from '../../../src/index.ts';
import { fieldLabel } from '../../../src/application/index.ts';
import { citeRule } from '../../../src/policy/index.ts';
import { portalAdapterSchema } from '../../../src/portal/adapter-schema.ts';
import demo from '../../../src/portal/adapters/demo-portal.json' with { type: 'json' };
import { eligibleOrganization } from '../eligibility/builders.ts';

/** The entrypoint chooses the award: the adapter names it, the background judges by its version in force. */
describe('pre-check: the adapter names its award', () => {
  const awardOf: Record<string, string> = { demo: portalAdapterSchema.parse(demo).award ?? defaultAwardId, js: 'jiangsu-governor' };
  const core: PrecheckCore = {
    toApplication: () => eligibleOrganization(),
    parseApplication: parseApplication as never,
    evaluateEligibility: ((app: { submittedOn: string }, adapterId?: string) =>
      evaluateEligibility(app, { policy: versionInForce(awardOf[adapterId ?? ''] ?? defaultAwardId, app.submittedOn) })) as never,
    fieldsForRule,
    cite: (rule) => citeRule(rule),
    fieldLabel,
  };

  it('the demo portal adapter names the Lianyungang award; a Jiangsu adapter gets the Jiangsu measures', () => {
    expect(awardOf['demo']).toBe('lianyungang-mayor');
    expect(runPrecheck(core, [], 'demo').precheck?.verdict).toBe('eligible');
    const js = runPrecheck(core, [], 'js').precheck!;
    expect(js.verdict).toBe('incomplete');
    expect(js.findings.every((f) => f.message.zh.includes(jiangsuGovernor2023.award.name.zh))).toBe(true);
  });
});
