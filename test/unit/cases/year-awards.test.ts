// Issue 16: 第四条 quotas and the year gate count per award (and per version where the numbers
// differ). A Jiangsu (省长质量奖) case recorded beside Lianyungang's in the same year must not use a
// Lianyungang place, and each case is judged by its own award's measures.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { addDays } from '../../../src/core/dates.ts';
import { replayYear, summarizeYear, type CaseRecord } from '../../../src/cases/year.ts';
import { computeYearGate } from '../../../src/ui/staff/year-gate.ts';
import { happyPath } from './fixtures.ts';

const LYG = { awardId: 'lianyungang-mayor', versionId: '2021' };
const LYG_DRAFT = { awardId: 'lianyungang-mayor', versionId: '2024-draft' };
const JS = { awardId: 'jiangsu-governor', versionId: '2023' };

const cohort = (n: number, award: CaseRecord['award'], prefix: string, offset = 0, kind: 'organization' | 'individual' = 'organization'): CaseRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    year: 2026,
    kind,
    applicant: `${prefix}-applicant-${i + 1}`,
    ...(award === undefined ? {} : { award }),
    events: happyPath(kind, 'award', addDays('2026-03-02', offset + i)),
  }));

/** A mixed list: 3 Lianyungang awards first, then 4 Jiangsu awards, then a 4th Lianyungang one. */
const mixed = (): CaseRecord[] => [...cohort(3, LYG, 'lyg'), ...cohort(4, JS, 'js', 10), ...cohort(1, LYG, 'late', 30)];

describe('replayYear: quotas per award in a mixed list (issue 16)', () => {
  it('Jiangsu approvals use no Lianyungang place; the 4th Lianyungang award is still refused', () => {
    const r = replayYear(mixed());
    const stage = (id: string) => r.cases.find((c) => c.id === id)!.view.stage;
    expect(['lyg1', 'lyg2', 'lyg3', 'js1', 'js2', 'js3', 'js4'].map(stage)).toEqual(Array(7).fill('awarded'));
    expect(stage('late1')).toBe('approval');
    const refused = r.cases.find((c) => c.id === 'late1')!.view.rejected[0]!;
    expect(refused.code).toBe('over-quota');
    expect(refused.reason).toContain('第四条');
    expect(refused.reason).toContain('市长质量奖');
  });

  it('the year summary keeps one tally per award: Lianyungang 3 of 3, Jiangsu 4 of 10 (第三条)', () => {
    const [y] = replayYear(mixed()).years;
    expect(y!.award).toMatchObject({ max: 3, used: 3, left: 0 });
    expect(y!.award.caseIds).toEqual(['lyg1', 'lyg2', 'lyg3']);
    const js = y!.pools.find((p) => p.awardId === 'jiangsu-governor')!;
    expect(js.award).toMatchObject({ max: 10, used: 4, left: 6 });
    expect(js.article).toBe('第三条');
    expect(y!.pools.find((p) => p.awardId === 'lianyungang-mayor')!.award.used).toBe(3);
  });

  it('a Jiangsu individual does not take the Lianyungang individual place', () => {
    const cases = [...cohort(1, JS, 'jsi', 0, 'individual'), ...cohort(1, LYG, 'lygi', 5, 'individual')];
    const r = replayYear(cases);
    expect(r.cases.map((c) => c.view.stage)).toEqual(['awarded', 'awarded']);
  });

  it('versions of one award with the same quota numbers share one pool', () => {
    const cases = [...cohort(2, LYG, 'a'), ...cohort(2, LYG_DRAFT, 'b', 5)];
    const r = replayYear(cases);
    expect(r.cases.map((c) => c.view.stage)).toEqual(['awarded', 'awarded', 'awarded', 'approval']);
    expect(r.years[0]!.pools).toHaveLength(1);
    expect(r.years[0]!.pools[0]!.versionIds).toEqual(['2021', '2024-draft']);
  });

  it('a case without a recorded award is counted under the given (default) award, as before', () => {
    const r = replayYear([...cohort(3, undefined, 'old'), ...cohort(1, LYG, 'new', 5)]);
    expect(r.cases.map((c) => c.view.stage)).toEqual(['awarded', 'awarded', 'awarded', 'approval']);
  });

  it('an award version this build does not know is a validation error, never a guess', () => {
    expect(() => replayYear(cohort(1, { awardId: 'nowhere', versionId: '1' }, 'x'))).toThrow(ZodError);
  });
});

describe('quota pools: per award, and per version where the numbers differ (issue 16)', () => {
  it('the 2024 draft shares the 2021 pool (same numbers); a version with other numbers does not', async () => {
    const { quotaPoolKey } = await import('../../../src/cases/year.ts');
    const { lianyungang2021, lianyungang2024Draft } = await import('../../../src/awards/index.ts');
    expect(quotaPoolKey(lianyungang2024Draft)).toBe(quotaPoolKey(lianyungang2021));
    const raised = { ...lianyungang2021, quotas: { ...lianyungang2021.quotas, award: { ...lianyungang2021.quotas.award, max: 4 } } };
    expect(quotaPoolKey(raised)).not.toBe(quotaPoolKey(lianyungang2021));
  });
});

describe('summarizeYear: violations per award (issue 16)', () => {
  it('4 Jiangsu + 3 Lianyungang approvals on record: no violation', () => {
    const s = summarizeYear([...cohort(3, LYG, 'lyg'), ...cohort(4, JS, 'js', 10)]);
    expect(s.violations).toEqual([]);
    expect(s.award.used).toBe(3);
  });
  it('11 Jiangsu approvals on record: a violation citing Jiangsu’s 第三条 and its own name', () => {
    const s = summarizeYear([...cohort(1, LYG, 'lyg'), ...cohort(11, JS, 'js', 10)]);
    expect(s.violations).toHaveLength(1);
    expect(s.violations[0]).toMatchObject({ tier: 'award', rule: 'max', article: '第三条' });
    expect(s.violations[0]!.reason).toContain('省长质量奖');
    expect(s.violations[0]!.reason).not.toContain('市长');
  });
});

describe('the staff year gate counts per award (issue 16)', () => {
  it('a mixed year: Jiangsu approvals stand, the 4th Lianyungang one is refused', () => {
    const result = computeYearGate({ year: 2026, key: 'k', approved: mixed() });
    expect(result.error).toBeNull();
    const stages = Object.fromEntries(result.gated.map(([id, v]) => [id, v.stage]));
    expect(stages).toMatchObject({ lyg3: 'awarded', js4: 'awarded', late1: 'approval' });
    // the summary counts approvals as recorded: 4 Lianyungang (one over its 第四条 limit), the Jiangsu ones apart
    expect(result.summary!.award.used).toBe(4);
    expect(result.summary!.violations).toHaveLength(1);
    expect(result.summary!.violations[0]!.caseIds).toEqual(['lyg1', 'lyg2', 'lyg3', 'late1']);
    expect(result.summary!.pools.find((p) => p.awardId === 'jiangsu-governor')!.award.used).toBe(4);
  });
});
