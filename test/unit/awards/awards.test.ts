import { describe, expect, it } from 'vitest';
import {
  evaluateEligibility,
  jiangsuGovernor2023,
  lianyungang2021,
  lianyungang2024Draft,
  packFor,
  refOf,
  replayCase,
  versionInForce,
  type Application,
  type Finding,
} from '../../../src/index.ts';
import { eligibleIndividual, eligibleOrganization } from '../eligibility/builders.ts';
import { countyAward } from './county-pack.ts';

const byRule = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.rule, f]));

describe('awards as data: one engine, several awards', () => {
  it('Jiangsu: every clause the reference marks missing is 待补充 citing that it is unverified, never a guess', () => {
    for (const [app, count] of [[eligibleOrganization(), 9], [eligibleIndividual(), 7]] as const) {
      const report = evaluateEligibility(app, { policy: jiangsuGovernor2023 });
      expect(report.verdict).toBe('incomplete');
      expect(report.findings).toHaveLength(count);
      for (const f of report.findings) {
        expect(f.status).toBe('needs-evidence');
        expect(f.message.zh).toContain('待补充');
        expect(f.message.zh).toContain('江苏省省长质量奖');
        expect(f.message.zh).toContain('未经核实');
        expect(f.message.zh).toContain('第五条及以后');
        expect(f.message.en).toContain('unverified');
      }
    }
  });

  it('Jiangsu: a case replays with no invented ban, publicity minimum or reward', () => {
    const v = replayCase([{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'false-material-found', on: '2026-04-01' }], { policy: jiangsuGovernor2023 });
    expect(v.stage).toBe('disqualified');
    expect(v.banUntil).toBeNull();
  });

  it('the county award (第二十一条) differs from Lianyungang exactly where the packs differ', () => {
    // established 2023-07-01: 3 years by 2026-07-01 under Lianyungang (fails on 06-30), 2 under the county
    const app: Application = eligibleOrganization({ establishedOn: '2023-07-01' }, { history: [{ date: '2023-06-30', event: 'disqualified-false-material' }] });
    const lyg = byRule(evaluateEligibility(app).findings);
    const county = byRule(evaluateEligibility(app, { policy: countyAward }).findings);
    expect(Object.keys(lyg)).toEqual(Object.keys(county));
    const differing = Object.keys(lyg).filter((id) => lyg[id]!.status !== county[id]!.status);
    expect(differing.sort()).toEqual(['14', '8.1']); // 8.1: 3 vs 2 years; 14: 3-year vs 2-year ban
    for (const id of Object.keys(lyg)) {
      // every citation comes from the pack: 第八条 → 第六条, 第十四条 → 第十一条 …
      const expected = countyAward.clauses[id]!.article;
      expect(county[id]!.message.zh.startsWith(expected)).toBe(true);
      expect(county[id]!.message.zh).not.toMatch(/连云港|市长质量奖|本市|第八条|第十四条|第十五条|第十六条/);
      expect(lyg[id]!.message.zh.startsWith(lianyungang2021.clauses[id]!.article)).toBe(true);
    }
    expect(county['8.1']!.message.en).toMatch(/^Art\. 6\(1\)/);
    expect(county['14']!.message.en).toMatch(/^Art\. 11 /);
  });

  it('the county award: the same case gets its own ban length and publicity days', () => {
    const ev = [{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'false-material-found', on: '2026-04-01' }] as const;
    expect(replayCase([...ev]).banUntil).toBe('2029-04-01');
    expect(replayCase([...ev], { policy: countyAward }).banUntil).toBe('2028-04-01');
    const ind = byRule(evaluateEligibility(eligibleIndividual({ qualityWorkInLianyungangSince: '2020-01-01' }), { policy: countyAward }).findings);
    expect(ind['9.1']!.status).toBe('pass');
    expect(ind['9.1']!.message.zh).toContain('本县');
    expect(byRule(evaluateEligibility(eligibleIndividual({ qualityWorkInLianyungangSince: '2020-01-01' })).findings)['9.1']!.status).toBe('fail');
  });
});

describe('versions: judged by the version in force on the date', () => {
  it('the 2024 draft is not in force until its effective date is set; then it is from that day', () => {
    expect(versionInForce('lianyungang-mayor', '2026-06-30').version.id).toBe('2021');
    const settings = { effectiveFrom: { 'lianyungang-mayor/2024-draft': '2026-01-01' } };
    expect(versionInForce('lianyungang-mayor', '2025-12-31', settings).version.id).toBe('2021');
    expect(versionInForce('lianyungang-mayor', '2026-01-01', settings).version.id).toBe('2024-draft');
    expect(versionInForce('jiangsu-governor', '2026-01-01').award.name.zh).toBe('江苏省省长质量奖');
    expect(packFor(refOf(lianyungang2024Draft))).toBe(lianyungang2024Draft);
    expect(() => versionInForce('nowhere', '2026-01-01')).toThrow(RangeError);
  });

  it('the draft deletes 上缴税收 from 第八条（四） and renames the committee', () => {
    const app = eligibleOrganization({ industryLeading: false });
    const old = byRule(evaluateEligibility(app).findings)['8.4']!;
    const draft = byRule(evaluateEligibility(app, { policy: lianyungang2024Draft }).findings)['8.4']!;
    expect(old.message.zh).toContain('上缴税收');
    expect(draft.message.zh).not.toContain('上缴税收');
    expect(draft.message.zh).toContain('第八条（四）');
    const noHistory = eligibleOrganization({}, { history: null });
    expect(byRule(evaluateEligibility(noHistory).findings)['14']!.message.zh).toContain('以市质量发展委员会办公室的记录为准');
    expect(byRule(evaluateEligibility(noHistory, { policy: lianyungang2024Draft }).findings)['14']!.message.zh).toContain('市质量发展和食品药品安全委员会办公室');
  });
});
