import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogueItems, type ItemId } from '../../../src/self-evaluation/catalogue.ts';
import { computeConsensus, gridMean, siteChecklist, siteVisitComplete, type PanelEvent } from '../../../src/experts/index.ts';
import { book, state, T0 } from './helpers.ts';

const gridPercent = fc.integer({ min: 0, max: 20 }).map((k) => k * 5);
const ids = catalogueItems.map((i) => i.id);
/** 1–5 experts, each scoring a random subset of the items */
const panel = fc.array(fc.dictionary(fc.constantFrom(...ids), fc.option(gridPercent, { nil: null })), { minLength: 1, maxLength: 5 });
const margin = fc.integer({ min: 0, max: 100 });

describe('consensus arithmetic (properties)', () => {
  it('per item: spread = max − min of the scores given, flagged exactly when spread > margin, proposal on the grid between min and max', () => {
    fc.assert(
      fc.property(panel, margin, (sheets, m) => {
        const books = sheets.map((s, i) => state(book(`x${i}`, s as Partial<Record<ItemId, number | null>>)));
        const result = computeConsensus(books, [], m);
        for (const item of result.items) {
          const given = sheets.map((s) => s[item.id]).filter((p): p is number => typeof p === 'number');
          expect(item.scores.map((s) => s.percent)).toEqual(given);
          if (given.length === 0) {
            expect([item.spread, item.proposed, item.consensus, item.flagged]).toEqual([null, null, null, false]);
            continue;
          }
          expect(item.spread).toBe(Math.max(...given) - Math.min(...given));
          expect(item.flagged).toBe(item.spread! > m);
          expect(item.proposed! % 5).toBe(0);
          expect(item.proposed!).toBeGreaterThanOrEqual(Math.min(...given));
          expect(item.proposed!).toBeLessThanOrEqual(Math.max(...given));
          // nearest grid step to the mean
          expect(Math.abs(item.proposed! - item.mean!)).toBeLessThanOrEqual(2.5);
          expect(item.consensus).toBe(item.flagged ? null : item.proposed);
        }
        expect(result.openItems).toEqual(result.items.filter((i) => i.flagged).map((i) => i.id));
        expect(result.complete).toBe(result.items.every((i) => i.consensus !== null));
      }),
      { numRuns: 300 },
    );
  });

  it('the total is Σ points × consensus / 100 and never exceeds 1000; with a margin of 100 nothing is flagged', () => {
    fc.assert(
      fc.property(panel, (sheets) => {
        const books = sheets.map((s, i) => state(book(`x${i}`, s as Partial<Record<ItemId, number | null>>)));
        const result = computeConsensus(books, [], 100);
        expect(result.openItems).toEqual([]);
        const expected = result.items.reduce((s, i) => s + (i.consensus === null ? 0 : (i.points * i.consensus) / 100), 0);
        expect(result.consensusTotal).toBeCloseTo(expected, 9);
        expect(result.finalTotal).toBeCloseTo(expected, 9);
        expect(result.consensusTotal).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 200 },
    );
  });

  it('unanimous scores: consensus equals the common score and nothing is flagged, whatever the margin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), gridPercent, margin, (n, p, m) => {
        const sheet = Object.fromEntries(ids.map((id) => [id, p]));
        const result = computeConsensus(Array.from({ length: n }, (_, i) => state(book(`u${i}`, sheet))), [], m);
        for (const item of result.items) expect([item.spread, item.flagged, item.consensus]).toEqual([0, false, p]);
        expect(result.consensusTotal).toBeCloseTo((1000 * p) / 100, 9);
      }),
    );
  });

  it('order of experts does not change the result', () => {
    fc.assert(
      fc.property(panel, margin, (sheets, m) => {
        const books = sheets.map((s, i) => state(book(`x${i}`, s as Partial<Record<ItemId, number | null>>)));
        const a = computeConsensus(books, [], m);
        const b = computeConsensus([...books].reverse(), [], m);
        expect(b.items.map((i) => [i.spread, i.proposed, i.flagged])).toEqual(a.items.map((i) => [i.spread, i.proposed, i.flagged]));
        expect(b.consensusTotal).toBeCloseTo(a.consensusTotal, 9);
      }),
    );
  });

  it('an agreed percent settles a flagged item; the last agreement wins and every change is recorded with from → to', () => {
    fc.assert(
      fc.property(gridPercent, gridPercent, fc.array(gridPercent, { minLength: 1, maxLength: 4 }), (a, b, agreed) => {
        fc.pre(Math.abs(a - b) > 20);
        const books = [state(book('a', { '4.1.2': a })), state(book('b', { '4.1.2': b }))];
        const events: PanelEvent[] = agreed.map((p, i) => ({ id: `c${i}`, by: '组长', at: T0, item: '4.1.2', type: 'consensus', percent: p, rationale: `理由${i}` }));
        const result = computeConsensus(books, events, 20);
        const item = result.items.find((i) => i.id === '4.1.2')!;
        expect(item.flagged).toBe(true);
        expect(item.consensus).toBe(agreed[agreed.length - 1]);
        expect(result.openItems).not.toContain('4.1.2');
        expect(result.changes.map((c) => c.to)).toEqual(agreed);
        expect(result.changes.map((c) => c.from)).toEqual([null, ...agreed.slice(0, -1)]);
      }),
    );
  });
});

describe('gridMean', () => {
  it('rounds halves up', () => {
    expect(gridMean([5, 10])).toBe(10);
    expect(gridMean([30, 40])).toBe(35);
    expect(gridMean([30, 35, 35])).toBe(35);
    expect(gridMean([0, 0, 5])).toBe(0);
    expect(gridMean([])).toBeNull();
  });
});

describe('recusal and site visit', () => {
  it('a recused expert\'s scorebook carries no scores and does not count', () => {
    const result = computeConsensus([state(book('a', { '4.1.2': 50 })), state(book('b', { '4.1.2': 90 }, { conflict: true }))], [], 20);
    const item = result.items.find((i) => i.id === '4.1.2')!;
    expect(item.scores).toEqual([{ expert: 'a', name: '专家a', percent: 50 }]);
    expect(result.experts.find((e) => e.id === 'b')!.recused).toBe(true);
  });

  it('the checklist is built from the points to verify; a finding with a percent moves the final score, one without keeps the consensus', () => {
    const books = [
      state(book('a', { '4.1.2': 50, '4.3.2': 40 }, { verify: { '4.1.2': '查看领导层月度绩效评审记录' } })),
      state(book('b', { '4.1.2': 60, '4.3.2': 40 }, { verify: { '4.1.2': '访谈一线员工对愿景的理解', '4.3.2': '抽查顾客投诉台账' } })),
    ];
    const before = computeConsensus(books, [], 20);
    const list = siteChecklist(before);
    expect(list.map((e) => e.item)).toEqual(['4.1.2', '4.3.2']);
    expect(list[0]!.points.map((p) => p.text)).toEqual(['查看领导层月度绩效评审记录', '访谈一线员工对愿景的理解']);
    expect(siteVisitComplete(before)).toBe(false);
    const events: PanelEvent[] = [
      { id: 'f1', by: '组长', at: T0, item: '4.1.2', type: 'finding', outcome: 'partly', percent: 45, note: '评审记录只覆盖半年' },
      { id: 'f2', by: '组长', at: T0, item: '4.3.2', type: 'finding', outcome: 'confirmed', percent: null, note: '' },
    ];
    const after = computeConsensus(books, events, 20);
    expect(siteVisitComplete(after)).toBe(true);
    const i412 = after.items.find((i) => i.id === '4.1.2')!;
    expect([i412.consensus, i412.final]).toEqual([55, 45]);
    expect(after.finalTotal).toBeCloseTo(before.finalTotal - (50 * 10) / 100, 9);
    expect(after.changes.map((c) => [c.item, c.from, c.to])).toEqual([['4.1.2', 55, 45], ['4.3.2', 40, 40]]);
  });
});
