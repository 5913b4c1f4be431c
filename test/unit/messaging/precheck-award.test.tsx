import { cleanup, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { precheckViewSchema, type TabState } from '../../../src/messaging/panel-protocol.ts';
import { PrecheckTab } from '../../../src/ui/panel/PrecheckTab.tsx';
import { runPrecheck, type PrecheckCore } from '../../../src/messaging/precheck.ts';
import { measuresOf } from '../../../src/awards/index.ts';
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
    measures: ((app: { submittedOn: string }, adapterId?: string) => measuresOf(versionInForce(awardOf[adapterId ?? ''] ?? defaultAwardId, app.submittedOn))) as never,
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

  it('the pre-check says which measures it judged by, and the panel shows that line (适用办法)', () => {
    const demoView = runPrecheck(core, [], 'demo').precheck!;
    expect(demoView.measures?.label.zh).toBe('连云港市市长质量奖 · 2021 年版（连政办发〔2021〕26号）');
    expect(precheckViewSchema.parse(demoView)).toEqual(demoView);
    const js = runPrecheck(core, [], 'js').precheck!;
    expect(js.measures?.label.zh).toContain('江苏省省长质量奖');
    const state: TabState = { tabId: 1, url: 'https://x.test/', page: 'application-form', adapterId: 'js', takenAt: 1, fields: [], attachments: [], precheck: js, hints: [], draftId: null, caseIds: [], picker: null };
    render(<PrecheckTab state={state} />);
    expect(screen.getByTestId('panel-measures').textContent).toContain('江苏省省长质量奖 · 2023 年版（苏政办规〔2023〕2号）');
    // the source note names the measures used, not the default award's
    expect(document.body.textContent).toContain('苏政办规〔2023〕2号');
    expect(document.body.textContent).not.toContain('连政办发');
    cleanup();
  });
});
