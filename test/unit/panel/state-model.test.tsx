// One state model everywhere (issue 13): the contradictions a review found, each a failing test first.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../src/application/index.ts';
import { PrecheckTab } from '../../../src/ui/panel/PrecheckTab.tsx';
import { runPrecheck } from '../../../src/messaging/precheck.ts';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';
import { buildChecklist } from '../../../src/ui/panel/checklist.ts';
import { draftOpinion } from '../../../src/ui/panel/opinion.ts';
import { core, eligibleOrganization } from '../shell/fixtures.ts';

const finding = (r: ReturnType<typeof runPrecheck>, rule: string) => r.precheck?.findings.find((f) => f.rule === rule);

function stateOf(fields: ReturnType<typeof eligibleOrganization>): TabState {
  const { precheck, hints } = runPrecheck(core, fields, 'demo-portal');
  return {
    tabId: 1, url: 'http://127.0.0.1/app/apply/a/basic', page: 'application-form', adapterId: 'demo-portal', takenAt: 1,
    fields, attachments: [], precheck, hints, draftId: null, caseIds: [], picker: null,
  };
}

describe('not yet given is never 不符合', () => {
  it('an empty certificate table (step 2 opened, nothing typed) is 待补充, not 8.2 不符合', () => {
    const r = runPrecheck(core, eligibleOrganization({ 'applicant.qmsCertificates': '[]' }), 'demo-portal');
    expect(finding(r, '8.2')?.status).toBe('needs-evidence');
    expect(r.precheck?.verdict).toBe('incomplete');
  });

  it('an empty quality-staff table is 待补充 and reads as not given (no "仅有 0 个年度")', () => {
    const r = runPrecheck(core, eligibleOrganization({ 'applicant.qualityStaff': '[]' }), 'demo-portal');
    expect(finding(r, '8.5')?.status).toBe('needs-evidence');
    expect(finding(r, '8.5')?.detail.zh).not.toMatch(/0 个年度/);
  });

  it('an empty accidents table still declares "none" (8.6 can pass)', () => {
    const r = runPrecheck(core, eligibleOrganization(), 'demo-portal');
    expect(finding(r, '8.6')?.status).toBe('pass');
  });

  it('2023-02-30 is a wrong date, not 未填写', () => {
    const r = runPrecheck(core, eligibleOrganization({ 'applicant.establishedOn': '2023-02-30' }), 'demo-portal');
    expect(r.precheck?.inputErrors.map((e) => e.path)).toContain('applicant.establishedOn');
    const f = finding(r, '8.1');
    expect(f?.status).toBe('needs-evidence');
    expect(JSON.stringify(f)).not.toMatch(/未填写/);
    expect(f?.detail.zh).toMatch(/有误/);
  });

  it('"-3" trademarks says it cannot be negative, not 应为数字', () => {
    const r = runPrecheck(core, eligibleOrganization({ 'applicant.registeredTrademarks': '-3' }), 'demo-portal');
    const e = r.precheck?.inputErrors.find((x) => x.path === 'applicant.registeredTrademarks');
    expect(e?.message.zh).toMatch(/不能为负数/);
    expect(e?.message.zh).not.toMatch(/应为数字/);
  });
});

describe('checklist and pre-check come from the same findings', () => {
  it('8(5) with one year of data is not ✓ in the checklist while the pre-check says 待补充', () => {
    const st = stateOf(eligibleOrganization({ 'applicant.qualityStaff': JSON.stringify([{ year: '2025', qualified: '3', total: '10' }]) }));
    expect(st.precheck?.findings.find((f) => f.rule === '8.5')?.status).toBe('needs-evidence');
    const item = buildChecklist({ state: st, recommended: null, selfEvaluation: null }).find((i) => i.id === 'form-8.5');
    expect(item?.status).not.toBe('done');
  });

  it('a failing clause is a problem in the checklist even when every box is filled', () => {
    const st = stateOf(eligibleOrganization({ 'applicant.establishedOn': '2025-01-01' }));
    const item = buildChecklist({ state: st, recommended: null, selfEvaluation: null }).find((i) => i.id === 'form-8.1');
    expect(item?.status).toBe('problem');
  });

  it('第十四条 is not ✓ while 以往申报和获奖记录 is still 待填 (the rule passes on a fact not yet given)', () => {
    // history read but empty: the step 合规声明 not opened yet, or the table not read
    const fields = [...eligibleOrganization().filter((f) => f.key !== 'history'), { key: 'history', found: true, value: '', required: false }];
    const st = stateOf(fields);
    // the core's verdict is unchanged: with no history given no ban is found (contract §1)
    expect(st.precheck?.findings.find((f) => f.rule === '14')?.status).toBe('pass');
    const item = buildChecklist({ state: st, recommended: null, selfEvaluation: null }).find((i) => i.id === 'form-14');
    expect(item?.missing?.map((m) => m.zh)).toContain(fieldLabel('history').zh);
    expect(item?.status).not.toBe('done');
    // the same form once the table is given (declared empty: no earlier applications) is ✓
    const given = stateOf([...fields.filter((f) => f.key !== 'history'), { key: 'history', found: true, value: '[]', required: false }]);
    expect(buildChecklist({ state: given, recommended: null, selfEvaluation: null }).find((i) => i.id === 'form-14')?.status).toBe('done');
  });

  it('on a blank form no clause is ✓ beside a 待填 list', () => {
    // every field the demo portal binds for an organisation, 以往申报和获奖记录 included; only 申报类型 chosen
    const blank = [...eligibleOrganization(), { key: 'history', found: true, value: '', required: false }].map((f) =>
      f.key === 'applicant.kind' ? f : { ...f, value: typeof f.value === 'boolean' ? null : '' },
    );
    const items = buildChecklist({ state: stateOf(blank), recommended: null, selfEvaluation: null });
    const contradictions = items.filter((i) => i.status === 'done' && (i.missing?.length ?? 0) > 0).map((i) => i.id);
    expect(contradictions).toEqual([]);
  });

  it('export questions count only for exporters', () => {
    const st = stateOf(eligibleOrganization({ 'applicant.exporter': '否' }));
    const withQuestion = { ...st, fields: [...st.fields, { key: 'applicant.exportQualityIncidents', found: true, value: '', required: false }] };
    const items = buildChecklist({ state: withQuestion, recommended: null, selfEvaluation: null });
    const missing = items.flatMap((i) => i.missing ?? []).map((m) => m.zh);
    expect(missing).not.toContain(fieldLabel('applicant.exportQualityIncidents').zh);
    const exporter = { ...withQuestion, fields: withQuestion.fields.map((f) => (f.key === 'applicant.exporter' ? { ...f, value: '是' } : f)) };
    const asked = buildChecklist({ state: exporter, recommended: null, selfEvaluation: null }).flatMap((i) => i.missing ?? []).map((m) => m.zh);
    expect(asked).toContain(fieldLabel('applicant.exportQualityIncidents').zh);
  });
});

describe('badges and citations', () => {
  it('a hint names its clause as 第八条（一）, not 8.1, and speaks of its own field only', () => {
    const fields = eligibleOrganization({ 'applicant.establishedOn': '', 'applicant.registeredInLianyungang': '' });
    const { hints } = runPrecheck(core, fields, 'demo-portal');
    const est = hints.find((h) => h.field === 'applicant.establishedOn');
    expect(est?.text.zh).toMatch(/^第八条（一）/);
    expect(est?.text.zh).not.toMatch(/登记注册/);
    expect(hints.map((h) => h.text.zh).join()).not.toMatch(/(^|[^第])8\.1/);
  });
});

describe('messages said once', () => {
  it('an unreadable credit code names its field once (no 统一社会信用代码：统一社会信用代码：)', () => {
    const st = stateOf(eligibleOrganization({ 'applicant.creditCode': '91320700MA1NXQ0BX8' }));
    const { container } = render(<PrecheckTab state={st} />);
    const text = container.textContent ?? '';
    expect(text).toContain('统一社会信用代码');
    expect(text).not.toMatch(/统一社会信用代码：\s*统一社会信用代码/);
  });
});

describe('the draft opinion', () => {
  it('lists each missing item once and asks export questions only of exporters', () => {
    const fields = eligibleOrganization({ 'applicant.exporter': '否' });
    const withBlanks = [
      ...fields,
      { key: 'history', found: true, value: '', required: false },
      { key: 'applicant.exportQualityIncidents', found: true, value: '', required: false },
    ];
    const st = stateOf(withBlanks);
    const checklist = buildChecklist({ state: st, recommended: null, selfEvaluation: null });
    const text = draftOpinion({ applicantName: 'x', creditCode: null, year: 2026, precheck: st.precheck, checklist, selfEvaluationScore: null });
    const history = fieldLabel('history').zh;
    expect(text.split(history).length - 1).toBeLessThanOrEqual(1);
    expect(text).not.toContain(fieldLabel('applicant.exportQualityIncidents').zh);
  });
});
