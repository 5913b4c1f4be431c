import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseStages } from '../../../machines/case.machine.ts';
import {
  caseRowMatches,
  countCaseRowsByStage,
  filterCaseRows,
  recommendersOf,
  stageCountsFor,
  type StaffCaseRow,
} from '../../../src/staff/rows.ts';

const row = (over: Partial<StaffCaseRow>): StaffCaseRow => ({
  id: 'x',
  year: 2026,
  kind: 'organization',
  applicantName: '某公司',
  creditCode: null,
  recommender: null,
  stage: 'draft',
  tier: null,
  stageSince: null,
  eventCount: 0,
  refusedCount: 0,
  ...over,
});

const rows: StaffCaseRow[] = [
  row({ id: 'a', applicantName: '连云港港口集团', creditCode: '913207001387000000', recommender: '连云区人民政府', stage: 'committee', tier: 'award' }),
  row({ id: 'b', applicantName: '江苏恒瑞医药', recommender: '海州区人民政府', stage: 'committee', tier: 'nomination' }),
  row({ id: 'c', applicantName: '张工匠', kind: 'individual', recommender: '海州区人民政府', stage: 'presentation' }),
  row({ id: 'd', applicantName: '旧年度公司', year: 2025, stage: 'awarded', tier: 'award', recommender: '市工业和信息化局' }),
];

describe('staff filters and counts', () => {
  it('filters by year, stage, kind, recommender and tier together', () => {
    expect(filterCaseRows(rows, { year: 2026 }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(filterCaseRows(rows, { year: 2026, stage: 'committee' }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterCaseRows(rows, { kind: 'individual' }).map((r) => r.id)).toEqual(['c']);
    expect(filterCaseRows(rows, { recommender: '海州区人民政府' }).map((r) => r.id)).toEqual(['b', 'c']);
    expect(filterCaseRows(rows, { tier: 'award' }).map((r) => r.id)).toEqual(['a', 'd']);
    expect(filterCaseRows(rows, { tier: 'none' }).map((r) => r.id)).toEqual(['c']);
  });

  it('text search: name, credit code, recommender; every word must match; full-width digits and case folded', () => {
    expect(filterCaseRows(rows, { text: '恒瑞' }).map((r) => r.id)).toEqual(['b']);
    expect(filterCaseRows(rows, { text: '９１３２０７' }).map((r) => r.id)).toEqual(['a']);
    expect(filterCaseRows(rows, { text: '海州 张' }).map((r) => r.id)).toEqual(['c']);
    expect(filterCaseRows(rows, { text: '  ' }).length).toBe(4);
  });

  it('counts every stage (zero included) and the stage chips ignore the stage filter itself', () => {
    const counts = countCaseRowsByStage(rows);
    expect(Object.keys(counts)).toEqual([...caseStages]);
    expect(counts.committee).toBe(2);
    expect(counts.revoked).toBe(0);
    const chips = stageCountsFor(rows, { year: 2026, stage: 'committee' });
    expect(chips.committee).toBe(2);
    expect(chips.presentation).toBe(1);
    expect(chips.awarded).toBe(0);
  });

  it('lists recommenders once each, in Chinese order', () => {
    expect(recommendersOf(rows)).toHaveLength(3);
    expect(new Set(recommendersOf(rows))).toEqual(new Set(['连云区人民政府', '海州区人民政府', '市工业和信息化局']));
  });

  it('counts always add up to the filtered total (property)', () => {
    const arbRow = fc.record({
      id: fc.string(),
      year: fc.integer({ min: 2024, max: 2027 }),
      kind: fc.constantFrom('organization' as const, 'individual' as const),
      applicantName: fc.string(),
      creditCode: fc.constant(null),
      recommender: fc.option(fc.constantFrom('甲', '乙'), { nil: null }),
      stage: fc.constantFrom(...caseStages),
      tier: fc.option(fc.constantFrom('award' as const, 'nomination' as const), { nil: null }),
      stageSince: fc.constant(null),
      eventCount: fc.nat(),
      refusedCount: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(arbRow), fc.integer({ min: 2024, max: 2027 }), (list, year) => {
        const counts = stageCountsFor(list, { year });
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(filterCaseRows(list, { year }).length);
        for (const r of list) expect(caseRowMatches(r, {})).toBe(true);
      }),
    );
  });
});
