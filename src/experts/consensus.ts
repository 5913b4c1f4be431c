import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { catalogueItems, type CategoryId, type ItemId, categoryIds } from '../self-evaluation/catalogue.ts';
import { percentSchema } from '../self-evaluation/bands.ts';
import { itemIdSchema, type ScorebookState } from './scorebook.ts';

/**
 * Consensus (Baldrige "Consensus Review"): the group leader or the office merges the experts'
 * independent scorebooks. Per item: every expert's percent, the spread (max − min), the mean, and a
 * proposed consensus = the mean rounded to the nearest 5% step (halves up), which always lies between
 * the lowest and highest score. An item whose spread is more than the margin is flagged: it has no
 * consensus until the group agrees a percent with a rationale. Agreed percents and site-visit
 * findings are events (who, when, what, why), so the record of who changed what is the list itself.
 */
export const DEFAULT_SPREAD_MARGIN = 20;

export const spreadMarginSchema = z.number({ error: '分歧阈值必须是数字 / the margin must be a number' }).check(z.int({ error: '分歧阈值必须是整数 / the margin must be a whole number' })).check(z.gte(0, { error: '分歧阈值不能小于 0 / the margin must be at least 0' })).check(z.lte(100, { error: '分歧阈值不能大于 100 / the margin must be at most 100' }));

const idText = z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200));
const base = { id: idText, by: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(80)), at: z.iso.datetime({ offset: true }), item: itemIdSchema };

export const findingOutcomes = ['confirmed', 'partly', 'not-confirmed'] as const;
export type FindingOutcome = (typeof findingOutcomes)[number];
export const findingOutcomeLabels: Record<FindingOutcome, Bilingual> = {
  confirmed: bi('已核实', 'Confirmed'),
  partly: bi('部分核实', 'Partly confirmed'),
  'not-confirmed': bi('未能核实', 'Not confirmed'),
};

export const panelEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('consensus'),
    percent: percentSchema,
    rationale: z.string().check(z.trim()).check(z.minLength(1, { error: '请写明合议理由 / give the rationale for the consensus' })).check(z.maxLength(4000)),
  }),
  z.strictObject({
      ...base,
      type: z.literal('finding'),
      outcome: z.enum(findingOutcomes),
      /** the percent the finding moves the item to; null keeps the consensus */
      percent: z.nullable(percentSchema),
      note: z.string().check(z.trim()).check(z.maxLength(4000)),
    }).check(z.superRefine((f, ctx) => {
      if (f.outcome !== 'confirmed' && !f.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '未完全核实时请写明现场发现 / describe what was found when not fully confirmed' });
    })),
]);
export type PanelEvent = z.output<typeof panelEventSchema>;
export type ConsensusEvent = Extract<PanelEvent, { type: 'consensus' }>;
export type FindingEvent = Extract<PanelEvent, { type: 'finding' }>;

export interface ExpertScore {
  expert: string;
  name: string;
  percent: number;
}
export interface ExpertText {
  expert: string;
  name: string;
  text: string;
}
export interface ConsensusItem {
  id: ItemId;
  points: number;
  scores: ExpertScore[];
  min: number | null;
  max: number | null;
  spread: number | null;
  mean: number | null;
  /** the mean on the 5% grid (halves up) */
  proposed: number | null;
  flagged: boolean;
  agreed: ConsensusEvent | null;
  /** agreed percent, else the proposal when the item is not flagged; null while it has no consensus */
  consensus: number | null;
  finding: FindingEvent | null;
  /** after the site visit: the finding's percent when it set one, else the consensus */
  final: number | null;
  strengths: ExpertText[];
  opportunities: ExpertText[];
  verify: ExpertText[];
}
export interface Change {
  at: string;
  by: string;
  item: ItemId;
  kind: 'consensus' | 'finding';
  from: number | null;
  to: number | null;
  why: string;
}
export interface ConsensusResult {
  margin: number;
  experts: { id: string; name: string; recused: boolean; scored: number }[];
  items: ConsensusItem[];
  /** flagged items with no agreed percent yet */
  openItems: ItemId[];
  /** items no (non-recused) expert has scored */
  unscored: ItemId[];
  /** every item has a consensus */
  complete: boolean;
  consensusTotal: number;
  finalTotal: number;
  byCategory: Record<CategoryId, number>;
  changes: Change[];
}

/** Mean rounded to the nearest 5% step, halves up. */
export function gridMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.floor(mean / 5 + 0.5 + 1e-9) * 5;
}

export function computeConsensus(books: readonly ScorebookState[], events: readonly PanelEvent[], margin: number = DEFAULT_SPREAD_MARGIN): ConsensusResult {
  const m = parseOrThrow(spreadMarginSchema, margin);
  const active = books.filter((b) => b.declaration && !b.recused);
  const lastOf = <T extends PanelEvent>(type: T['type'], item: ItemId) => {
    let last: T | null = null;
    for (const e of events) if (e.type === type && e.item === item) last = e as T;
    return last;
  };
  const texts = (item: ItemId, field: 'strengths' | 'opportunities' | 'verify'): ExpertText[] =>
    active.filter((b) => b.items[item][field].trim()).map((b) => ({ expert: b.expert.id, name: b.expert.name, text: b.items[item][field].trim() }));

  const items = catalogueItems.map((c): ConsensusItem => {
    const scores = active.flatMap((b) => (b.items[c.id].percent === null ? [] : [{ expert: b.expert.id, name: b.expert.name, percent: b.items[c.id].percent! }]));
    const values = scores.map((s) => s.percent);
    const min = values.length ? Math.min(...values) : null;
    const max = values.length ? Math.max(...values) : null;
    const spread = min === null || max === null ? null : max - min;
    const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
    const proposed = gridMean(values);
    const flagged = spread !== null && spread > m;
    const agreed = lastOf<ConsensusEvent>('consensus', c.id);
    const consensus = agreed ? agreed.percent : flagged ? null : proposed;
    const finding = lastOf<FindingEvent>('finding', c.id);
    const final = finding && finding.percent !== null ? finding.percent : consensus;
    return {
      id: c.id, points: c.points, scores, min, max, spread, mean, proposed, flagged, agreed, consensus, finding, final,
      strengths: texts(c.id, 'strengths'), opportunities: texts(c.id, 'opportunities'), verify: texts(c.id, 'verify'),
    };
  });

  // who changed what: each event with the value it replaced
  const consensusNow = new Map<ItemId, number | null>(items.map((i) => [i.id, i.flagged ? null : i.proposed]));
  const current = new Map(consensusNow);
  const changes: Change[] = [];
  for (const e of events) {
    if (e.type === 'consensus') {
      const from = current.get(e.item) ?? null;
      current.set(e.item, e.percent);
      consensusNow.set(e.item, e.percent);
      changes.push({ at: e.at, by: e.by, item: e.item, kind: 'consensus', from, to: e.percent, why: e.rationale });
    } else {
      const from = current.get(e.item) ?? null;
      const to = e.percent ?? consensusNow.get(e.item) ?? null;
      current.set(e.item, to);
      changes.push({ at: e.at, by: e.by, item: e.item, kind: 'finding', from, to, why: e.note });
    }
  }

  const byCategory = Object.fromEntries(categoryIds.map((c) => [c, 0])) as Record<CategoryId, number>;
  let consensusTotal = 0;
  let finalTotal = 0;
  for (const i of items) {
    const cat = catalogueItems.find((c) => c.id === i.id)!.category;
    if (i.consensus !== null) consensusTotal += (i.points * i.consensus) / 100;
    if (i.final !== null) {
      finalTotal += (i.points * i.final) / 100;
      byCategory[cat] += (i.points * i.final) / 100;
    }
  }
  const openItems = items.filter((i) => i.flagged && !i.agreed).map((i) => i.id);
  const unscored = items.filter((i) => i.scores.length === 0 && !i.agreed).map((i) => i.id);
  return {
    margin: m,
    experts: books.map((b) => ({ id: b.expert.id, name: b.expert.name, recused: b.recused || !b.declaration, scored: b.scored })),
    items, openItems, unscored,
    complete: items.every((i) => i.consensus !== null),
    consensusTotal, finalTotal, byCategory, changes,
  };
}

/** The site-visit (organisations) or presentation (individuals) checklist: every point to verify, by item. */
export interface ChecklistEntry {
  item: ItemId;
  consensus: number | null;
  points: ExpertText[];
  finding: FindingEvent | null;
}
export function siteChecklist(result: ConsensusResult): ChecklistEntry[] {
  return result.items.filter((i) => i.verify.length > 0).map((i) => ({ item: i.id, consensus: i.consensus, points: i.verify, finding: i.finding }));
}

/** Every checklist entry has a finding. */
export function siteVisitComplete(result: ConsensusResult): boolean {
  return siteChecklist(result).every((e) => e.finding !== null);
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(spreadMarginSchema, panelEventSchema);
