import { describe, expect, it } from 'vitest';
import { runPrecheck } from '../../../src/messaging/precheck.ts';
import { core, eligibleOrganization } from './fixtures.ts';

describe('runPrecheck: portal reading → 第八条 pre-check → badges', () => {
  it('the applicant kind not found on the page: the hint names the field and says it was not found, in plain words', () => {
    const fields = eligibleOrganization().map((f) => (f.key === 'applicant.kind' ? { ...f, found: false, value: null } : f));
    const { precheck, hints } = runPrecheck(core, fields, 'demo-portal');
    expect(precheck).toBeNull();
    const kind = hints.find((h) => h.field === 'applicant.kind');
    expect(kind?.text.zh).toBe('申报类型（组织/个人）：未在申报表中找到，请在表单中选择或填写');
    expect(kind?.text.en).toContain('not found on the application form');
    expect(kind?.text.zh).not.toContain('organization');
  });

  it('an organisation meeting every clause is eligible and gets no badge', () => {
    const { precheck, hints } = runPrecheck(core, eligibleOrganization(), 'demo-portal');
    expect(precheck?.verdict).toBe('eligible');
    expect(precheck?.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '14', '15', '16']));
    expect(hints).toEqual([]);
  });

  it('established one day short of three years: 8.1 fails and only 成立日期 carries the badge', () => {
    // submitted 2026-06-30; exactly three years before is 2023-06-30 (counts), one day later does not
    const { precheck, hints } = runPrecheck(core, eligibleOrganization({ 'applicant.establishedOn': '2023-07-01' }), 'demo-portal');
    expect(precheck?.verdict).toBe('ineligible');
    expect(precheck?.findings.find((f) => f.rule === '8.1')?.status).toBe('fail');
    expect(hints.map((h) => [h.field, h.status, h.rule])).toEqual([['applicant.establishedOn', 'fail', '8.1']]);
  });

  it('established exactly three years before the submission date counts (boundary)', () => {
    const { precheck } = runPrecheck(core, eligibleOrganization({ 'applicant.establishedOn': '2023-06-30' }), 'demo-portal');
    expect(precheck?.findings.find((f) => f.rule === '8.1')?.status).toBe('pass');
  });

  it('a bad credit code becomes an input badge on that field; the rest is still checked', () => {
    const { precheck, hints } = runPrecheck(core, eligibleOrganization({ 'applicant.creditCode': '91320700MA1NXQ0BX8' }), 'demo-portal');
    expect(precheck).not.toBeNull();
    expect(precheck?.inputErrors.map((e) => e.path)).toEqual(['applicant.creditCode']);
    expect(precheck?.inputErrors[0]?.message.zh).toMatch(/校验|信用代码/);
    expect(hints).toContainEqual(expect.objectContaining({ field: 'applicant.creditCode', status: 'fail', rule: 'input' }));
    expect(precheck?.findings.find((f) => f.rule === '8.1')?.status).toBe('pass');
  });

  it('an otherwise eligible form with an unreadable entry is incomplete, never eligible', () => {
    const good = runPrecheck(core, eligibleOrganization(), 'demo-portal');
    expect(good.precheck?.verdict).toBe('eligible');
    const { precheck } = runPrecheck(core, eligibleOrganization({ 'applicant.creditCode': '91320700MA1NXQ0BX8' }), 'demo-portal');
    expect(precheck?.findings.every((f) => f.status === 'pass')).toBe(true);
    expect(precheck?.inputErrors).toHaveLength(1);
    expect(precheck?.verdict).toBe('incomplete');
  });

  it('an unreadable entry does not soften a failing clause', () => {
    const { precheck } = runPrecheck(
      core,
      eligibleOrganization({ 'applicant.creditCode': '91320700MA1NXQ0BX8', 'applicant.establishedOn': '2023-07-01' }),
      'demo-portal',
    );
    expect(precheck?.verdict).toBe('ineligible');
  });

  it('empty fields of a clause that needs evidence get a needs-evidence badge', () => {
    const fields = eligibleOrganization({ 'applicant.registeredTrademarks': '' });
    const { precheck, hints } = runPrecheck(core, fields, 'demo-portal');
    expect(precheck?.verdict).toBe('incomplete');
    expect(hints).toEqual([expect.objectContaining({ field: 'applicant.registeredTrademarks', status: 'needs-evidence', rule: '8.3' })]);
  });

  it('fields not on the page never get a badge', () => {
    const fields = eligibleOrganization({ 'applicant.establishedOn': '2025-01-01' }).map((f) =>
      f.key === 'applicant.establishedOn' ? { ...f, found: false, value: null } : f,
    );
    const { hints } = runPrecheck(core, fields, 'demo-portal');
    expect(hints.some((h) => h.field === 'applicant.establishedOn')).toBe(false);
  });
});
