import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { categoryIds, catalogueItemById, catalogueItems, gbt19580Catalogue, type CategoryId } from './catalogue.ts';
import { percentSchema } from './bands.ts';

export const SHEET_FORMAT = 'lyg-award/self-evaluation@1';

const knownIds = new Set(catalogueItems.map((i) => i.id));

const sheetItemSchema = z.object({
  id: z.string({ error: '条款编号必须是文本，如 "4.1.2" / item id must be text such as "4.1.2"' }).check(z.refine((id) => knownIds.has(id as never), {
    error: (issue) =>
      `未知的评分条款 "${String(issue.input)}"：GB/T 19580-2012 的 23 个评分条款是 4.1.2 … 4.7.7 / unknown item id "${String(issue.input)}": the 23 scored items of GB/T 19580-2012 are 4.1.2 … 4.7.7`,
  })),
  percent: z.number({ error: '得分百分比必须是数字 / percent must be a number' }),
}).check(z.superRefine((item, ctx) => {
  // name the item in the message: a sheet has 23 percents and "percent is off the grid" alone doesn't say which
  const r = percentSchema.safeParse(item.percent);
  if (!r.success) {
    for (const issue of r.error.issues) {
      // percentSchema's messages are "中文 / English": name the item in both halves.
      const cut = issue.message.indexOf(' / ');
      const message =
        cut < 0
          ? `条款 ${item.id}：${issue.message} / item ${item.id}: ${issue.message}`
          : `条款 ${item.id}：${issue.message.slice(0, cut)} / item ${item.id}: ${issue.message.slice(cut + 3)}`;
      ctx.addIssue({ code: 'custom', path: ['percent'], message });
    }
  }
}));

/** contract §4: `{ format: "lyg-award/self-evaluation@1", items: { id, percent }[] }` */
export const sheetSchema = z.object({
    format: z.literal(SHEET_FORMAT, { error: `format 必须是 "${SHEET_FORMAT}" / format must be "${SHEET_FORMAT}"` }),
    items: z.array(sheetItemSchema, { error: 'items 必须是数组 / items must be an array' }),
  }).check(z.superRefine((sheet, ctx) => {
    const seen = new Map<string, number>();
    sheet.items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `条款 ${item.id} 重复出现（第 ${first + 1} 项和第 ${index + 1} 项） / item ${item.id} appears twice (entries ${first + 1} and ${index + 1})`,
        });
      } else seen.set(item.id, index);
    });
  }));

export type Sheet = z.infer<typeof sheetSchema>;
export interface Score {
  total: number;
  byCategory: Record<CategoryId, number>;
  missing: string[];
}

/**
 * GB/T 19580 roll-up (contract §4): item score = points × percent / 100; categories and total are
 * unrounded sums; items left out count 0 and are listed in `missing` (catalogue order).
 */
export function scoreSelfEvaluation(sheet: unknown): Score {
  const parsed = parseOrThrow(sheetSchema, sheet);
  const percentById = new Map(parsed.items.map((i) => [i.id, i.percent]));
  const byCategory = Object.fromEntries(categoryIds.map((c) => [c, 0])) as Record<CategoryId, number>;
  const missing: string[] = [];
  for (const item of catalogueItems) {
    const percent = percentById.get(item.id);
    if (percent === undefined) missing.push(item.id);
    else byCategory[item.category] += (item.points * percent) / 100;
  }
  const total = categoryIds.reduce((s, c) => s + byCategory[c], 0);
  return { total, byCategory, missing };
}

/** One item's points × percent / 100 (for tables); `null` when the item is not scored. */
export function itemScore(id: string, percent: number | undefined | null): number | null {
  const item = catalogueItemById.get(id);
  if (!item) throw new Error(`unknown item ${id}`);
  return percent == null ? null : (item.points * parseOrThrow(percentSchema, percent)) / 100;
}

/** Process (4.1–4.6, out of 600) vs results (4.7, out of 400) split of a score. */
export function scoreSubtotals(score: Score): { process: number; results: number; processPoints: number; resultsPoints: number } {
  let process = 0;
  let results = 0;
  let processPoints = 0;
  let resultsPoints = 0;
  for (const c of gbt19580Catalogue) {
    if (c.kind === 'results') {
      results += score.byCategory[c.id];
      resultsPoints += c.points;
    } else {
      process += score.byCategory[c.id];
      processPoints += c.points;
    }
  }
  return { process, results, processPoints, resultsPoints };
}

/** A score for display: item scores are multiples of 0.25 (points × 5% steps), so at most two decimals. */
export function formatScore(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/**
 * Where the points are: items ordered by the points they still leave (points × (100 − percent) / 100;
 * an unscored item leaves all its points), largest first. A starting list for action planning.
 */
export function improvementPriorities(sheet: unknown, limit = 5): { id: string; points: number; percent: number | null; gap: number }[] {
  const parsed = parseOrThrow(sheetSchema, sheet);
  const percentById = new Map(parsed.items.map((i) => [i.id, i.percent]));
  return catalogueItems
    .map((i) => {
      const percent = percentById.get(i.id) ?? null;
      return { id: i.id, points: i.points, percent, gap: (i.points * (100 - (percent ?? 0))) / 100 };
    })
    .sort((a, b) => b.gap - a.gap || catalogueItems.findIndex((i) => i.id === a.id) - catalogueItems.findIndex((i) => i.id === b.id))
    .slice(0, limit);
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(sheetSchema);
