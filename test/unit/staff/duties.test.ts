import { describe, expect, it } from 'vitest';
import { dutyDefinitions } from '../../../src/staff/after-award-duties.data.ts';
import { caseDutiesSchema, dutyTasks, parseYearDuties, summarizeDuties, titleUseProblems, type TitleUse } from '../../../src/staff/duties.ts';

const award = { year: 2026, tier: 'award' as const, awardedOn: '2026-09-20' };

describe('获奖后监督 as dated tasks (第六条, 第十二条, 第十七条, 第十八条)', () => {
  it('every duty of the data is a task, dated from the government approval, citing its article', () => {
    const tasks = dutyTasks(award, undefined, '2026-10-01');
    expect(tasks.map((t) => t.article).sort()).toEqual(['第十七条', '第十七条', '第十八条', '第十二条', '第六条'].sort());
    for (const t of tasks) {
      const def = dutyDefinitions.find((d) => d.id === t.id)!;
      expect(t.dueOn).toBe(new Date(Date.parse('2026-09-20') + def.dueAfterDays * 86_400_000).toISOString().slice(0, 10));
      expect(t.status).toBe('open');
      expect(t.overdue).toBe(false);
    }
  });

  it('第十二条 reads by tier: winners to the Governor award, nominees back to the Mayor award', () => {
    const byTier = (tier: 'award' | 'nomination') => dutyTasks({ ...award, tier }, undefined, '2026-10-01').find((t) => t.id === 'recommend-next')!.text.zh;
    expect(byTier('award')).toContain('江苏省省长质量奖');
    expect(byTier('nomination')).toContain('连云港市市长质量奖');
  });

  it('第十八条 names the award year in the example title', () => {
    expect(dutyTasks(award, undefined, '2026-10-01').find((t) => t.id === 'title-use')!.text.zh).toContain('2026年度连云港市市长质量奖');
    expect(dutyTasks({ ...award, tier: 'nomination' }, undefined, '2026-10-01').find((t) => t.id === 'title-use')!.text.zh).toContain('2026年度连云港市市长质量奖提名奖');
  });

  it('an open task past its date is overdue; a closed one keeps who closed it and is never overdue', () => {
    const late = dutyTasks(award, { tasks: { 'new-goals': { status: 'done', closedBy: '王科长', closedOn: '2026-12-01' } }, titleUses: [] }, '2027-01-10');
    const goals = late.find((t) => t.id === 'new-goals')!;
    expect(goals).toMatchObject({ status: 'done', closedBy: '王科长', closedOn: '2026-12-01', overdue: false, daysLeft: null });
    const useCheck = late.find((t) => t.id === 'title-use')!; // due 2027-03-19
    expect(useCheck.overdue).toBe(false);
    const later = dutyTasks(award, undefined, '2027-03-20');
    expect(later.find((t) => t.id === 'title-use')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(later.find((t) => t.id === 'new-goals')!.overdue).toBe(true);
    expect(summarizeDuties(later, [], 2026)).toMatchObject({ open: 5, done: 0, overdue: 2 });
  });

  it('title uses: publicity with the year is allowed; products, packaging, product ads and a missing or wrong year are flagged', () => {
    const use = (over: Partial<TitleUse>): TitleUse => ({ seenOn: '2026-11-01', namedYear: 2026, place: 'publicity', where: '官网首页', recordedBy: 'staff', ...over });
    expect(titleUseProblems(use({}), 2026)).toEqual([]);
    expect(titleUseProblems(use({ place: 'packaging' }), 2026)[0]!.zh).toContain('不得在包装上标注');
    expect(titleUseProblems(use({ place: 'product' }), 2026)[0]!.zh).toContain('不得在产品上标注');
    expect(titleUseProblems(use({ place: 'product-advertising' }), 2026)[0]!.zh).toContain('不得用于产品宣传');
    expect(titleUseProblems(use({ namedYear: null }), 2026)[0]!.zh).toContain('未注明获奖年度');
    expect(titleUseProblems(use({ namedYear: 2025 }), 2026)[0]!.zh).toContain('2025');
    expect(summarizeDuties([], [use({}), use({ place: 'product' })], 2026).titleUseProblems).toBe(1);
  });

  it('stored records are validated: junk reads as empty and is reported, good data round-trips', () => {
    expect(parseYearDuties(undefined)).toEqual({ ok: true, duties: {} });
    expect(parseYearDuties({ c1: { tasks: { 'new-goals': { status: 'finished' } }, titleUses: [] } }).ok).toBe(false);
    expect(parseYearDuties({ c1: { tasks: { bogus: { status: 'done' } }, titleUses: [] } }).ok).toBe(false);
    const good = { c1: { tasks: { 'share-experience': { status: 'done' as const, closedBy: 'a', closedOn: '2027-01-02' } }, titleUses: [] } };
    expect(parseYearDuties(good)).toEqual({ ok: true, duties: good });
    expect(caseDutiesSchema.safeParse({ tasks: {}, titleUses: [{ seenOn: '2026-13-01', namedYear: null, place: 'publicity', where: 'x', recordedBy: 'y' }] }).success).toBe(false);
  });
});
