import type { Bilingual } from '../core/i18n.ts';
import { catalogueItems, gbt19580Catalogue, type CategoryId } from './catalogue.ts';
import { scoreSelfEvaluation, sheetSchema } from './score.ts';

export interface RoundDelta {
  id: string;
  name: Bilingual;
  points: number;
  before: { percent: number | null; score: number };
  after: { percent: number | null; score: number };
  /** after.score − before.score (an unscored item counts 0) */
  delta: number;
}

export interface RoundComparison {
  items: RoundDelta[];
  categories: { id: CategoryId; name: Bilingual; points: number; before: number; after: number; delta: number }[];
  total: { before: number; after: number; delta: number };
}

/** Item-by-item movement between two rounds (e.g. 2025 → 2026), for the delta table. */
export function compareRounds(before: unknown, after: unknown): RoundComparison {
  const a = sheetSchema.parse(before);
  const b = sheetSchema.parse(after);
  const sa = scoreSelfEvaluation(a);
  const sb = scoreSelfEvaluation(b);
  const pa = new Map(a.items.map((i) => [i.id, i.percent]));
  const pb = new Map(b.items.map((i) => [i.id, i.percent]));
  const items = catalogueItems.map((i) => {
    const beforePercent = pa.get(i.id) ?? null;
    const afterPercent = pb.get(i.id) ?? null;
    const beforeScore = beforePercent === null ? 0 : (i.points * beforePercent) / 100;
    const afterScore = afterPercent === null ? 0 : (i.points * afterPercent) / 100;
    return {
      id: i.id,
      name: i.name,
      points: i.points,
      before: { percent: beforePercent, score: beforeScore },
      after: { percent: afterPercent, score: afterScore },
      delta: afterScore - beforeScore,
    };
  });
  const categories = gbt19580Catalogue.map((c) => ({
    id: c.id,
    name: c.name,
    points: c.points,
    before: sa.byCategory[c.id],
    after: sb.byCategory[c.id],
    delta: sb.byCategory[c.id] - sa.byCategory[c.id],
  }));
  return { items, categories, total: { before: sa.total, after: sb.total, delta: sb.total - sa.total } };
}
