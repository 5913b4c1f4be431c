import { describe, expect, it } from 'vitest';
import { caseEventLabels, caseEventLabelsFor, formerCaseEventLabels } from '../../../src/staff/event-labels.ts';
import { casesFromTable } from '../../../src/staff/import-formats.ts';
import { defaultPolicy } from '../../../src/policy/index.ts';

/**
 * Issue 14: the English event labels mixed verbs ("Apply", "Revoke", "Committee approves") with nouns
 * ("Withdrawal"). Every label is now a noun phrase: it does not open with a verb, and carries no verb in the
 * present tense. ("Return" and "End" open noun phrases here: "Return for completion", "End of publicity".)
 */
const verbs = new Set(['apply', 'recommend', 'decline', 'accept', 'reject', 'pass', 'fail', 'complete', 'propose', 'approve', 'find', 'withdraw', 'revoke', 'publish']);
const presentTense = /\b(applies|approves|rejects|ends|passes|fails|finds|declines|accepts|withdraws|revokes|proposes|recommends)\b/i;

describe('event labels: one form per language', () => {
  const all = [caseEventLabels, caseEventLabelsFor(defaultPolicy.award), caseEventLabelsFor({ terms: { approver: { zh: '县政府', en: 'the county government' } } }), caseEventLabelsFor({ terms: {} })];
  it('every English label is a noun phrase, not a verb', () => {
    for (const labels of all)
      for (const [code, l] of Object.entries(labels)) {
        const first = l.en.split(/\s+/)[0]!.toLowerCase();
        expect(verbs.has(first), `${code}: “${l.en}” opens with a verb`).toBe(false);
        expect(l.en, code).not.toMatch(presentTense);
        expect(l.en[0], code).toBe(l.en[0]!.toUpperCase());
      }
  });
  it('the approver comes from the award, in both languages', () => {
    const county = caseEventLabelsFor({ terms: { approver: { zh: '县政府', en: 'the county government' } } });
    expect(county['government-approve']).toEqual({ zh: '县政府批准', en: 'Approval by the county government' });
    expect(county['government-reject']).toEqual({ zh: '县政府不批准', en: 'Refusal by the county government' });
    expect(caseEventLabelsFor(defaultPolicy.award)['government-approve']).toEqual(caseEventLabels['government-approve']);
  });
  it('Chinese labels name a step and its result the same way (现场评审完成 like 资料审查通过), none opens with 完成', () => {
    for (const l of Object.values(caseEventLabels)) expect(l.zh).not.toMatch(/^完成/);
    expect(caseEventLabels['complete-site-review'].zh).toBe('现场评审完成');
    expect(caseEventLabels['complete-presentation'].zh).toBe('现场陈述完成');
  });
  it('no Chinese or English label is used for two events', () => {
    const zh = Object.values(caseEventLabels).map((l) => l.zh);
    const en = Object.values(caseEventLabels).map((l) => l.en.toLowerCase());
    expect(new Set(zh).size).toBe(zh.length);
    expect(new Set(en).size).toBe(en.length);
  });
  it('a CSV exported before the wording pass (“Apply”, 完成现场评审) still imports', () => {
    const head = ['id', 'year', 'kind', 'applicant', 'recommender', 'event', 'date', 'detail'];
    const row = (event: string, on: string, detail = '') => ['c1', '2026', 'organization', '甲公司', '乙局', event, on, detail];
    const r = casesFromTable([head, row('Apply', '2026-03-01', 'organization'), row('Recommend', '2026-03-05', '乙局'), row('Accept', '2026-03-10'), row('Pass material review', '2026-04-01'), row('完成现场评审', '2026-05-01'), row('Application', '2026-02-01', 'organization')]);
    expect(r.ok).toBe(true);
    const events = (r as { data: { cases: { events: { event: { type: string } }[] }[] } }).data.cases[0]!.events.map((e) => e.event.type);
    expect(events).toEqual(['apply', 'recommend', 'accept', 'pass-material-review', 'complete-site-review', 'apply']);
    expect(Object.values(formerCaseEventLabels).flat()).not.toContain('Withdrawal');
  });
});

describe('refusals in English cite articles in English (a clerk saw “(第四条)” in an English refusal)', () => {
  it('over the quota, for the year and for individuals', async () => {
    const { refuseOverQuota } = await import('../../../src/cases/reasons.ts');
    for (const individual of [false, true]) {
      const r = refuseOverQuota('award', 'organization', '第四条', 3, 1, individual);
      expect(r.reasonI18n.en).toContain('(Art. 4)');
      expect(r.reasonI18n.en).not.toMatch(/[\u4E00-\u9FFF]/);
      expect(r.reasonI18n.zh).toContain('（第四条）');
    }
  });
});
