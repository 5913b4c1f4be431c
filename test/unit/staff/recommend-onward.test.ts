import { describe, expect, it } from 'vitest';
import { lianyungang2021, jiangsuGovernor2023, replayCase } from '../../../src/index.ts';
import { recommendOnward, recommendationLinks, recommendationTarget } from '../../../src/staff/recommend-onward.ts';
import type { CaseRecord } from '../../../src/storage/index.ts';

const awardedLog = (tier: 'award' | 'nomination') => [
  { type: 'apply', on: '2026-03-01', kind: 'organization' },
  { type: 'recommend', on: '2026-03-10', by: '海州区政府' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
  { type: 'complete-site-review', on: '2026-06-01' },
  { type: 'propose', on: '2026-07-01', tier },
  { type: 'committee-approve', on: '2026-08-01' },
  { type: 'publicity-end', on: '2026-08-08' },
  { type: 'government-approve', on: '2026-09-01' },
] as const;

const city: CaseRecord = {
  id: 'lyg-1',
  year: 2026,
  kind: 'organization',
  applicantName: '连云港某机械有限公司',
  creditCode: '91320700MA1MXXXX0X',
  recommender: '海州区政府',
  createdAt: '2026-03-01T00:00:00.000Z',
  award: { awardId: 'lianyungang-mayor', versionId: '2021' },
};

describe('从市到省: a city winner recommended on (第十二条), from the award’s data', () => {
  it('a Mayor award winner is recommended to the award its measures name: the Jiangsu Governor award, citing 第十二条', () => {
    const t = recommendationTarget(lianyungang2021, 'award');
    expect(t).not.toBeNull();
    expect(t!.awardId).toBe('jiangsu-governor');
    expect(t!.name.zh).toBe(jiangsuGovernor2023.award.name.zh);
    expect(t!.article).toEqual({ zh: '第十二条', en: 'Art. 12' });
  });

  it('a nomination winner is recommended first for the city award itself (第十二条)', () => {
    const t = recommendationTarget(lianyungang2021, 'nomination');
    expect(t!.awardId).toBe('lianyungang-mayor');
  });

  it('an award whose measures name no higher award recommends nowhere', () => {
    expect(recommendationTarget(jiangsuGovernor2023, 'award')).toBeNull();
  });

  it('starts the provincial case for an awarded city case, linked to it, with the applicant carried over', () => {
    const view = replayCase(awardedLog('award') as never);
    expect(view.stage).toBe('awarded');
    const r = recommendOnward({ header: city, view, pack: lianyungang2021, cases: [city], today: '2026-10-10' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header).toMatchObject({
      year: 2027,
      kind: 'organization',
      applicantName: city.applicantName,
      creditCode: city.creditCode,
      award: { awardId: 'jiangsu-governor', versionId: '2023' },
      recommendedFrom: { caseId: 'lyg-1', article: '第十二条' },
    });
    expect(r.header.recommender).toBe(lianyungang2021.award.terms.office.zh);
    expect(r.message.zh).toContain('江苏省省长质量奖');
    expect(r.message.zh).toContain('第十二条');
  });

  it('a nomination winner gets a case of the city award for the next year', () => {
    const view = replayCase(awardedLog('nomination') as never);
    const r = recommendOnward({ header: city, view, pack: lianyungang2021, cases: [city], today: '2026-10-10' });
    expect(r.ok && r.header.award?.awardId).toBe('lianyungang-mayor');
    expect(r.ok && r.header.year).toBe(2027);
  });

  it('refuses, in Chinese, a case that is not awarded, and a case already recommended; nothing is created', () => {
    const pending = replayCase(awardedLog('award').slice(0, 7) as never);
    const r1 = recommendOnward({ header: city, view: pending, pack: lianyungang2021, cases: [city], today: '2026-10-10' });
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.reason.zh).toContain('市政府批准');
    const view = replayCase(awardedLog('award') as never);
    const done = { ...city, id: 'js-1', award: { awardId: 'jiangsu-governor', versionId: '2023' }, recommendedFrom: { caseId: 'lyg-1', article: '第十二条' } };
    const r2 = recommendOnward({ header: city, view, pack: lianyungang2021, cases: [city, done], today: '2026-10-10' });
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.reason.zh).toContain('js-1');
  });

  it('refuses for an award whose measures name no higher award', () => {
    const view = replayCase(awardedLog('award') as never);
    const r = recommendOnward({ header: { ...city, award: { awardId: 'jiangsu-governor', versionId: '2023' } }, view, pack: jiangsuGovernor2023, cases: [], today: '2026-10-10' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.zh).toContain('未规定');
  });

  it('links both ways: the provincial case names where it came from, the city case where it went', () => {
    const prov = { ...city, id: 'js-1', year: 2027, award: { awardId: 'jiangsu-governor', versionId: '2023' }, recommendedFrom: { caseId: 'lyg-1', article: '第十二条' } };
    const headers = new Map([[city.id, city], [prov.id, prov]]);
    expect(recommendationLinks(city, headers).to.map((h) => h.id)).toEqual(['js-1']);
    expect(recommendationLinks(prov, headers).from?.id).toBe('lyg-1');
    expect(recommendationLinks(prov, headers).to).toEqual([]);
  });
});
