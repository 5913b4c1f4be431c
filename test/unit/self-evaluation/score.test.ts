import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZodError } from 'zod';
import { bandOf, catalogueItems, scoreSelfEvaluation, scoreSubtotals, compareRounds, reportLength, defaultPolicy, sheetSchema } from '../../../src/index.ts';

const FORMAT = 'lyg-award/self-evaluation@1' as const;
const sheet = (items: { id: string; percent: number }[]) => ({ format: FORMAT, items });
const all = (percent: number) => sheet(catalogueItems.map((i) => ({ id: i.id, percent })));

describe('scoreSelfEvaluation (contract §4)', () => {
  it('full marks on every item is exactly 1000, process 600 and results 400', () => {
    const s = scoreSelfEvaluation(all(100));
    expect(s.total).toBe(1000);
    expect(s.missing).toEqual([]);
    expect(s.byCategory).toEqual({ '4.1': 110, '4.2': 90, '4.3': 90, '4.4': 130, '4.5': 100, '4.6': 80, '4.7': 400 });
    expect(scoreSubtotals(s)).toEqual({ process: 600, results: 400, processPoints: 600, resultsPoints: 400 });
  });

  it('0% everywhere scores 0 with nothing missing', () => {
    const s = scoreSelfEvaluation(all(0));
    expect(s.total).toBe(0);
    expect(s.missing).toEqual([]);
  });

  it('an empty sheet lists all 23 items as missing and scores 0', () => {
    const s = scoreSelfEvaluation(sheet([]));
    expect(s.total).toBe(0);
    expect(s.missing).toHaveLength(23);
    expect(s.missing[0]).toBe('4.1.2');
    expect(s.missing[22]).toBe('4.7.7');
  });

  it('only 4.7 at 100% gives results 400 and lists the 17 process items as missing', () => {
    const s = scoreSelfEvaluation(sheet(catalogueItems.filter((i) => i.category === '4.7').map((i) => ({ id: i.id, percent: 100 }))));
    expect(s.byCategory['4.7']).toBe(400);
    expect(s.total).toBe(400);
    expect(s.missing).toHaveLength(17);
    expect(s.missing).not.toContain('4.7.2');
  });

  it('item score is points × percent / 100, unrounded (15 points × 5% = 0.75)', () => {
    const s = scoreSelfEvaluation(sheet([{ id: '4.4.3', percent: 5 }, { id: '4.4.6', percent: 35 }]));
    expect(s.byCategory['4.4']).toBe(0.75 + 3.5);
    expect(s.total).toBe(4.25);
  });

  it('accepts every step of the 5% grid and rejects anything between steps', () => {
    for (let p = 0; p <= 100; p += 5) expect(scoreSelfEvaluation(sheet([{ id: '4.1.2', percent: p }])).total).toBe(p / 2);
    for (const p of [1, 4.999, 7, 12.5, 99]) {
      expect(() => scoreSelfEvaluation(sheet([{ id: '4.1.2', percent: p }]))).toThrow(/5% grid/);
    }
  });

  it('rejects percents outside 0–100 with a message naming the item', () => {
    expect(() => scoreSelfEvaluation(sheet([{ id: '4.1.2', percent: -5 }]))).toThrow(ZodError);
    expect(() => scoreSelfEvaluation(sheet([{ id: '4.1.2', percent: 105 }]))).toThrow(/4\.1\.2.*at most 100/);
    expect(() => scoreSelfEvaluation(sheet([{ id: '4.1.2', percent: Number.NaN }]))).toThrow(ZodError);
  });

  it('names the item in both the Chinese and the English half of an off-grid message', () => {
    const r = sheetSchema.safeParse(sheet([{ id: '4.3.2', percent: 33 }]));
    expect(r.success).toBe(false);
    const [zh, en] = r.error!.issues[0]!.message.split(' / ');
    expect(zh).toBe('条款 4.3.2：得分百分比 33 不在 5% 的刻度上（0、5、10…100）');
    expect(en).toBe('item 4.3.2: percent 33 is not on the 5% grid (0, 5, 10 … 100)');
  });

  it('rejects an unknown item id, naming it', () => {
    const r = (() => { try { scoreSelfEvaluation(sheet([{ id: '4.1.1', percent: 50 }])); } catch (e) { return e as ZodError; } })();
    expect(r).toBeInstanceOf(ZodError);
    expect(r!.issues[0]!.message).toContain('unknown item id "4.1.1"');
    expect(r!.issues[0]!.message).toContain('未知的评分条款');
    expect(() => scoreSelfEvaluation(sheet([{ id: '4.8.2', percent: 50 }]))).toThrow(ZodError);
  });

  it('rejects a duplicate id, naming it and both entries', () => {
    let error: unknown;
    try {
      scoreSelfEvaluation(sheet([{ id: '4.2.2', percent: 50 }, { id: '4.3.2', percent: 50 }, { id: '4.2.2', percent: 60 }]));
    } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ZodError);
    const issue = (error as ZodError).issues[0]!;
    expect(issue.path).toEqual(['items', 2, 'id']);
    expect(issue.message).toContain('4.2.2');
    expect(issue.message).toContain('重复');
  });

  it('rejects a wrong format or a non-array', () => {
    expect(() => scoreSelfEvaluation({ format: 'x', items: [] })).toThrow(/format/);
    expect(() => scoreSelfEvaluation({ format: FORMAT, items: {} })).toThrow(ZodError);
    expect(() => scoreSelfEvaluation(null)).toThrow(ZodError);
  });
});

describe('bandOf', () => {
  it('puts each boundary in the right band', () => {
    const cases: [number, string][] = [[0, '0-5'], [5, '0-5'], [10, '10-25'], [25, '10-25'], [30, '30-45'], [45, '30-45'],
      [50, '50-65'], [65, '50-65'], [70, '70-85'], [85, '70-85'], [90, '90-100'], [100, '90-100']];
    for (const [p, id] of cases) expect(bandOf(p).id, String(p)).toBe(id);
  });
  it('throws off the grid', () => {
    expect(() => bandOf(7)).toThrow(ZodError);
    expect(() => bandOf(110)).toThrow(ZodError);
  });
});

const validSheet = fc
  .subarray(catalogueItems.map((i) => i.id))
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: ids.length, maxLength: ids.length })))
  .map(([ids, steps]) => sheet(ids.map((id, k) => ({ id, percent: steps[k]! * 5 }))));

describe('properties', () => {
  it('total = sum of categories, 0 ≤ total ≤ 1000, missing + scored = 23', () => {
    fc.assert(fc.property(validSheet, (s) => {
      const score = scoreSelfEvaluation(s);
      const sum = Object.values(score.byCategory).reduce((a, b) => a + b, 0);
      expect(score.total).toBe(sum);
      expect(score.total).toBeGreaterThanOrEqual(0);
      expect(score.total).toBeLessThanOrEqual(1000);
      expect(score.missing.length + s.items.length).toBe(23);
    }));
  });

  it('a shuffled sheet gives the same score', () => {
    fc.assert(fc.property(validSheet.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.items, { minLength: s.items.length }))), ([s, shuffled]) => {
      expect(scoreSelfEvaluation(sheet(shuffled))).toEqual(scoreSelfEvaluation(s));
    }));
  });

  it('raising one item by 5% never lowers the total', () => {
    fc.assert(fc.property(validSheet, fc.nat(), (s, k) => {
      if (!s.items.length) return;
      const idx = k % s.items.length;
      const item = s.items[idx]!;
      if (item.percent === 100) return;
      const raised = sheet(s.items.map((i, j) => (j === idx ? { ...i, percent: i.percent + 5 } : i)));
      expect(scoreSelfEvaluation(raised).total).toBeGreaterThan(scoreSelfEvaluation(s).total);
    }));
  });

  it('any percent off the grid is rejected', () => {
    fc.assert(fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }).filter((p) => !(Number.isInteger(p) && p % 5 === 0 && p >= 0 && p <= 100)), (p) => {
      expect(() => scoreSelfEvaluation(sheet([{ id: '4.5.2', percent: p }]))).toThrow(ZodError);
    }));
  });
});

describe('compareRounds', () => {
  it('gives item, category and total deltas, counting an unscored item as 0', () => {
    const r2025 = sheet([{ id: '4.1.2', percent: 40 }, { id: '4.7.4', percent: 30 }]);
    const r2026 = sheet([{ id: '4.1.2', percent: 55 }, { id: '4.7.4', percent: 30 }, { id: '4.4.2', percent: 50 }]);
    const c = compareRounds(r2025, r2026);
    const byId = Object.fromEntries(c.items.map((i) => [i.id, i]));
    expect(byId['4.1.2']!.delta).toBe(7.5);
    expect(byId['4.7.4']!.delta).toBe(0);
    expect(byId['4.4.2']!.before.percent).toBeNull();
    expect(byId['4.4.2']!.delta).toBe(30);
    expect(c.total).toEqual({ before: 44, after: 81.5, delta: 37.5 });
    expect(c.categories.find((x) => x.id === '4.4')!.delta).toBe(30);
  });
});

describe('reportLength', () => {
  it('counts the report text without whitespace against the policy cap', () => {
    const base = reportLength(sheet([]), {});
    expect(base.max).toBe(defaultPolicy.selfEvaluation.reportMaxChars);
    const withText = reportLength(sheet([]), { items: { '4.1.2': { strengths: '领导 重视\n\n沟通' } } });
    // "4.1.2" + "高层领导的作用" + "领导重视" + "沟通" are added
    expect(withText.chars - base.chars).toBe(5 + 7 + 4 + 2);
    expect(withText.over).toBe(false);
  });
  it('flags a report over the cap', () => {
    const policy = { ...defaultPolicy, selfEvaluation: { ...defaultPolicy.selfEvaluation, reportMaxChars: 2000 } };
    const long = '质'.repeat(2000);
    const r = reportLength(sheet([]), { policy, profile: { description: long, challenges: '' } });
    expect(r.max).toBe(2000);
    expect(r.over).toBe(true);
  });
  it('rejects notes for an unknown item', () => {
    expect(() => reportLength(sheet([]), { items: { '9.9.9': { strengths: 'x' } } })).toThrow(/9\.9\.9/);
  });
});

describe('improvementPriorities', () => {
  it('orders items by the points they still leave, unscored first by size', async () => {
    const { improvementPriorities } = await import('../../../src/index.ts');
    const s = sheet(catalogueItems.map((i) => ({ id: i.id, percent: 100 })).filter((i) => i.id !== '4.7.3').map((i) => (i.id === '4.4.2' ? { ...i, percent: 50 } : i)));
    expect(improvementPriorities(s, 3)).toEqual([
      { id: '4.7.3', points: 80, percent: null, gap: 80 },
      { id: '4.4.2', points: 60, percent: 50, gap: 30 },
      { id: '4.1.2', points: 50, percent: 100, gap: 0 },
    ]);
  });
});
