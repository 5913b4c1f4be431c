import { describe, expect, it } from 'vitest';
import { gbt19580Catalogue, catalogueItems, itemIds, totalPoints, scoringBands } from '../../../src/index.ts';

describe('GB/T 19580-2012 catalogue (gbt19580.md §1)', () => {
  it('has 7 categories and 23 scored items, 1000 points in all', () => {
    expect(gbt19580Catalogue.map((c) => c.id)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(catalogueItems).toHaveLength(23);
    expect(totalPoints).toBe(1000);
    expect(catalogueItems.map((i) => i.id)).toEqual([...itemIds]);
  });

  it('has the category points of the 2012 edition, each the sum of its items', () => {
    expect(Object.fromEntries(gbt19580Catalogue.map((c) => [c.id, c.points]))).toEqual({
      '4.1': 110, '4.2': 90, '4.3': 90, '4.4': 130, '4.5': 100, '4.6': 80, '4.7': 400,
    });
    for (const c of gbt19580Catalogue) expect(c.items.reduce((s, i) => s + i.points, 0)).toBe(c.points);
  });

  it('has the item points of the 2012 edition', () => {
    expect(Object.fromEntries(catalogueItems.map((i) => [i.id, i.points]))).toEqual({
      '4.1.2': 50, '4.1.3': 30, '4.1.4': 30, '4.2.2': 40, '4.2.3': 50, '4.3.2': 40, '4.3.3': 50,
      '4.4.2': 60, '4.4.3': 15, '4.4.4': 20, '4.4.5': 15, '4.4.6': 10, '4.4.7': 10, '4.5.2': 50, '4.5.3': 50,
      '4.6.2': 40, '4.6.3': 40, '4.7.2': 80, '4.7.3': 80, '4.7.4': 80, '4.7.5': 60, '4.7.6': 50, '4.7.7': 50,
    });
  });

  it('splits process items (600) from results items (400)', () => {
    const sum = (kind: string) => catalogueItems.filter((i) => i.kind === kind).reduce((s, i) => s + i.points, 0);
    expect(sum('process')).toBe(600);
    expect(sum('results')).toBe(400);
    expect(catalogueItems.filter((i) => i.kind === 'results').every((i) => i.category === '4.7')).toBe(true);
  });

  it('ids are unique, well formed and belong to their category', () => {
    expect(new Set(itemIds).size).toBe(23);
    for (const i of catalogueItems) {
      expect(i.id).toMatch(/^4\.[1-7]\.[2-7]$/);
      expect(i.id.startsWith(`${i.category}.`)).toBe(true);
    }
  });

  it('every item has 3–5 bilingual guiding questions and a Chinese and English name', () => {
    for (const i of catalogueItems) {
      expect(i.questions.length, i.id).toBeGreaterThanOrEqual(3);
      expect(i.questions.length, i.id).toBeLessThanOrEqual(5);
      for (const q of [...i.questions, i.name]) {
        expect(q.zh, i.id).toMatch(/[\u4e00-\u9fff]/);
        expect(q.en, i.id).toMatch(/[A-Za-z]/);
      }
    }
  });

  it('six bands cover the 5% grid 0–100 exactly once, each with ADLI and LeTCI meanings', () => {
    const grid = scoringBands.flatMap((b) => b.percents);
    expect(grid).toEqual(Array.from({ length: 21 }, (_, k) => k * 5));
    expect(scoringBands.map((b) => b.id)).toEqual(['0-5', '10-25', '30-45', '50-65', '70-85', '90-100']);
    for (const b of scoringBands) {
      for (const t of [b.process.approach, b.process.deployment, b.process.learning, b.process.integration,
        b.results.levels, b.results.trends, b.results.comparisons, b.results.integration, b.process.summary, b.results.summary]) {
        expect(t.zh.length).toBeGreaterThan(0);
        expect(t.en.length).toBeGreaterThan(0);
      }
    }
  });
});
