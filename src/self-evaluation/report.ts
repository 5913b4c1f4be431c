import { z } from '../core/zod-mini.ts';
import { isoDateSchema } from '../core/dates.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { defaultPolicy, policyPackSchema, type PolicyPack } from '../policy/index.ts';
import { bandOf } from './bands.ts';
import { catalogueItemById, gbt19580Catalogue, totalPoints, type CategoryId } from './catalogue.ts';
import { countChars, evidenceLinkSchema, lines, profileSchema, type EvidenceLink } from './notes.ts';
import { formatScore, scoreSelfEvaluation, scoreSubtotals, sheetSchema, type Score } from './score.ts';
import { parseOrThrow } from '../core/zod-contract.ts';

// Text per item is taken as one entry per line, or as a list; evidence as file names or {name, note}.
const textOrList = z.optional(z.union([z.string(), z.array(z.string())]));
const itemNotesInputSchema = z.object({
  /** the applicant's own account of how it meets the item (the body of a 自评报告), one paragraph per line */
  narrative: textOrList,
  strengths: textOrList,
  improvements: textOrList,
  evidence: z.optional(z.array(z.union([z.pipe(z.string(), z.transform((name) => ({ name, note: '' }))), evidenceLinkSchema]))),
});
const entries = (t: string | string[] | undefined) => (Array.isArray(t) ? t.flatMap((x) => lines(x)) : lines(t));

/** `exportSelfEvaluationDocx(sheet, options)` options (brief §4); also drives the print view and reportLength. */
export const reportOptionsSchema = z.object({
    profile: z.optional(z.partial(profileSchema)),
    items: z.optional(z.record(z.string(), itemNotesInputSchema)),
    applicantName: z.optional(z.string().check(z.maxLength(200, { error: '申报单位名称不能超过 200 字 / applicant name must be at most 200 characters' }))),
    round: z.optional(z.string().check(z.maxLength(50, { error: '轮次名称不能超过 50 字 / round name must be at most 50 characters' }))),
    /** the award year on the cover (评奖年度) */
    awardYear: z.optional(z.number().check(z.int()).check(z.gte(1900)).check(z.lte(2999))),
    /** the report's date on the cover */
    date: z.optional(isoDateSchema),
    policy: z.optional(policyPackSchema),
  }).check(z.superRefine((o, ctx) => {
    for (const id of Object.keys(o.items ?? {})) {
      if (!catalogueItemById.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['items', id], message: `未知的评分条款 "${id}" / unknown item id "${id}"` });
      }
    }
  }));
export type ReportOptions = z.input<typeof reportOptionsSchema>;

export interface ScoreRow {
  kind: 'category' | 'item' | 'subtotal' | 'total';
  id: string;
  name: Bilingual;
  points: number;
  /** assessed percent for items; the category's score as a share of its points for the other rows */
  percent: number | null;
  score: number;
}

export interface ReportItem {
  id: string;
  name: Bilingual;
  points: number;
  percent: number | null;
  band: Bilingual | null;
  narrative: string[];
  strengths: string[];
  improvements: string[];
  evidence: EvidenceLink[];
}

export interface ReportModel {
  title: Bilingual;
  applicantName: string;
  round: string;
  awardYear: number | null;
  date: string | null;
  /** the award applied for (from the policy pack), for the cover */
  awardName: Bilingual;
  standard: string;
  /** the measures' article that asks for the self-evaluation (第十条(一)) */
  basis: Bilingual;
  profile: { description: string; challenges: string } | null;
  score: Score;
  rows: ScoreRow[];
  categories: { id: CategoryId; name: Bilingual; short: Bilingual; points: number; score: number }[];
  subtotals: ReturnType<typeof scoreSubtotals>;
  items: ReportItem[];
  reportMaxChars: number;
  profileMaxChars: number;
}

const pct = (score: number, points: number) => Math.round((score / points) * 1000) / 10;

/** The report as plain data: the docx export and the print view both render this. */
export function buildReportModel(sheet: unknown, options: ReportOptions = {}): ReportModel {
  const parsedSheet = parseOrThrow(sheetSchema, sheet);
  const o = parseOrThrow(reportOptionsSchema, options ?? {});
  const policy: PolicyPack = o.policy ?? defaultPolicy;
  const score = scoreSelfEvaluation(parsedSheet);
  const percentById = new Map(parsedSheet.items.map((i) => [i.id, i.percent]));
  const subtotals = scoreSubtotals(score);

  const rows: ScoreRow[] = [];
  for (const c of gbt19580Catalogue) {
    rows.push({ kind: 'category', id: c.id, name: c.name, points: c.points, percent: pct(score.byCategory[c.id], c.points), score: score.byCategory[c.id] });
    for (const i of c.items) {
      const percent = percentById.get(i.id) ?? null;
      rows.push({ kind: 'item', id: i.id, name: i.name, points: i.points, percent, score: percent === null ? 0 : (i.points * percent) / 100 });
    }
  }
  rows.push({ kind: 'subtotal', id: '4.1–4.6', name: bi('过程类条款小计', 'Process items subtotal'), points: subtotals.processPoints, percent: pct(subtotals.process, subtotals.processPoints), score: subtotals.process });
  rows.push({ kind: 'subtotal', id: '4.7', name: bi('结果类条款小计', 'Results items subtotal'), points: subtotals.resultsPoints, percent: pct(subtotals.results, subtotals.resultsPoints), score: subtotals.results });
  rows.push({ kind: 'total', id: '', name: bi('总分', 'Total'), points: totalPoints, percent: pct(score.total, totalPoints), score: score.total });

  const items: ReportItem[] = [];
  for (const c of gbt19580Catalogue) {
    for (const i of c.items) {
      const notes = o.items?.[i.id];
      const percent = percentById.get(i.id) ?? null;
      const entry: ReportItem = {
        id: i.id,
        name: i.name,
        points: i.points,
        percent,
        band: percent === null ? null : bandOf(percent).label,
        narrative: entries(notes?.narrative),
        strengths: entries(notes?.strengths),
        improvements: entries(notes?.improvements),
        evidence: (notes?.evidence ?? []).filter((e) => e.name.trim() || (e.note ?? '').trim()).map((e) => ({ name: e.name.trim(), note: (e.note ?? '').trim() })),
      };
      if (entry.narrative.length || entry.strengths.length || entry.improvements.length || entry.evidence.length) items.push(entry);
    }
  }

  const profile = o.profile && (o.profile.description?.trim() || o.profile.challenges?.trim())
    ? { description: (o.profile.description ?? '').trim(), challenges: (o.profile.challenges ?? '').trim() }
    : null;

  const src = policy.selfEvaluation.source;
  return {
    title: bi('卓越绩效自我评价报告', 'Performance excellence self-evaluation report'),
    applicantName: (o.applicantName ?? '').trim(),
    round: (o.round ?? '').trim(),
    awardYear: o.awardYear ?? null,
    awardName: policy.award.name,
    date: o.date ?? null,
    standard: policy.selfEvaluation.standard,
    basis: bi(
      `依据《${policy.title.zh}》${src.article}${src.clause ?? ''}：申报者按照评审标准进行自我评价。`,
      `Under ${policy.title.en}, ${src.article}${src.clause ?? ''}: applicants evaluate themselves against the review standard.`,
    ),
    profile,
    score,
    rows,
    categories: gbt19580Catalogue.map((c) => ({ id: c.id, name: c.name, short: c.short, points: c.points, score: score.byCategory[c.id] })),
    subtotals,
    items,
    reportMaxChars: policy.selfEvaluation.reportMaxChars,
    profileMaxChars: policy.selfEvaluation.profileMaxChars,
  };
}

/** Every piece of text the report shows, in order (what reportLength counts). */
export function reportText(model: ReportModel): string[] {
  const out: string[] = [model.title.zh, model.applicantName, model.round, model.standard];
  if (model.profile) out.push(model.profile.description, model.profile.challenges);
  for (const r of model.rows) out.push(r.id, r.name.zh, String(r.points), r.percent === null ? '' : String(r.percent), formatScore(r.score));
  for (const i of model.items) {
    out.push(i.id, i.name.zh, ...i.narrative, ...i.strengths, ...i.improvements);
    for (const e of i.evidence) out.push(e.name, e.note);
  }
  return out;
}

/**
 * The report's length in 字 (characters other than whitespace, the way award notices count the
 * self-evaluation report, 含图表), to check against policy.selfEvaluation.reportMaxChars.
 */
export function reportLength(sheet: unknown, options: ReportOptions = {}): { chars: number; max: number; over: boolean } {
  const model = buildReportModel(sheet, options);
  const chars = reportText(model).reduce((s, t) => s + countChars(t), 0);
  return { chars, max: model.reportMaxChars, over: chars > model.reportMaxChars };
}
