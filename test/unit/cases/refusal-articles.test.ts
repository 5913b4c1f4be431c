// Issue 16: every article a lifecycle refusal cites comes from the case's own award data
// (CaseContext.rules.articles), never a fixed Lianyungang number. The test-only county award numbers
// its clauses differently: its refusals must cite its own articles and none of Lianyungang's.
import { describe, expect, it } from 'vitest';
import { lianyungang2021, replayCase } from '../../../src/index.ts';
import { countyAward } from '../awards/county-pack.ts';

type Policy = NonNullable<Parameters<typeof replayCase>[1]>['policy'];
const reasons = (events: unknown[], policy: Policy) => replayCase(events as never, { policy }).rejected.map((r) => r.reason);

const filedOrg = [
  { type: 'apply', on: '2026-03-01', kind: 'organization' },
  { type: 'recommend', on: '2026-03-10', by: '推荐单位' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
];
const filedPerson = [
  { type: 'apply', on: '2026-03-01', kind: 'individual' },
  { type: 'recommend', on: '2026-03-10', by: '推荐单位' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
];
const cases = {
  /** an individual cannot have an on-site review */
  wrongKind: [...filedPerson, { type: 'complete-site-review', on: '2026-06-01' }],
  /** an organisation gives no presentation */
  wrongKindOrg: [...filedOrg, { type: 'complete-presentation', on: '2026-06-01' }],
  /** nothing filed: no material can be false */
  notFiled: [{ type: 'false-material-found', on: '2026-03-01' }],
  /** only an awarded case can be revoked */
  revokeEarly: [...filedOrg, { type: 'revoke', on: '2026-06-01', reason: 'fraud' }],
};

describe('refusals cite the case’s own award’s articles (issue 16)', () => {
  it('Lianyungang keeps its articles: 第十条(三), 第十四条, 第十四条、第十五条', () => {
    expect(reasons(cases.wrongKind, lianyungang2021)[0]).toContain('（第十条(三)）');
    expect(reasons(cases.wrongKindOrg, lianyungang2021)[0]).toContain('（第十条(三)）');
    expect(reasons(cases.notFiled, lianyungang2021)[0]).toContain('（第十四条）');
    expect(reasons(cases.revokeEarly, lianyungang2021)[0]).toContain('（第十四条、第十五条）');
  });

  it('the county award cites its own: 第八条(三), 第十一条, 第十一条、第十二条, and no Lianyungang article', () => {
    const wrongKind = reasons(cases.wrongKind, countyAward)[0]!;
    const wrongKindOrg = reasons(cases.wrongKindOrg, countyAward)[0]!;
    const notFiled = reasons(cases.notFiled, countyAward)[0]!;
    const revokeEarly = reasons(cases.revokeEarly, countyAward)[0]!;
    expect(wrongKind).toContain('（第八条(三)）');
    expect(wrongKindOrg).toContain('（第八条(三)）');
    expect(notFiled).toContain('（第十一条）');
    expect(revokeEarly).toContain('（第十一条、第十二条）');
    for (const r of [wrongKind, wrongKindOrg, notFiled, revokeEarly]) {
      expect(r).not.toMatch(/第十条|第十四条|第十五条|市政府|市质量发展委员会/);
    }
  });

  it('a county refusal at its approval stage names its own approver, not 市政府', () => {
    const atApproval = [
      ...filedOrg,
      { type: 'complete-site-review', on: '2026-06-01' },
      { type: 'propose', on: '2026-07-01', tier: 'award' },
      { type: 'committee-approve', on: '2026-08-01' },
      { type: 'publicity-end', on: '2026-09-01' },
      { type: 'accept', on: '2026-09-05' },
    ];
    const [r] = reasons(atApproval, countyAward);
    expect(r).toContain('县政府批准');
    expect(r).not.toContain('市政府');
    expect(reasons(atApproval, lianyungang2021)[0]).toContain('市政府批准');
  });
});
