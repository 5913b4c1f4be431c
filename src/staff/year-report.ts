import type { IsoDate } from '../core/calendar.ts';
import type { CaseBan } from '../cases/staff.ts';
import type { YearSummary } from '../cases/year.ts';
import { caseStages, stageTitlesFor, tierTitlesFor, type CaseStage } from '../../machines/case.stages.ts';
import { articleIn } from '../awards/cite.ts';
import { articleNumberEn, citeWritten } from '../core/articles.ts';
import type { Bilingual } from '../core/i18n.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { AwardPack } from '../policy/schema.ts';
import type { YearRewards } from './derive.ts';
import type { DutyTask } from './duties.ts';

/**
 * 年度评审工作报告: one award year in numbers, as a table model both writers (.docx, .xlsx) render.
 * Counts per stage (第十条), awards and nominations against the 第四条 quotas, 第十一条 rewards,
 * bans and locks issued in the year (第十四条–第十六条), and the duties after the award.
 */
export interface YearReportSection {
  title: string;
  /** the .xlsx sheet's name (at most 31 characters, none of : \\ / ? * [ ]) */
  sheet: string;
  head: string[];
  rows: (string | number)[][];
}

export type ReportLanguage = 'zh' | 'en';

export interface YearReport {
  year: number;
  lang: ReportLanguage;
  title: string;
  generatedOn: IsoDate;
  /** the line under the title: 统计截至2026年12月7日 / Figures as of 7 December 2026 */
  asOf: string;
  /** what a section with no rows says */
  none: string;
  sections: YearReportSection[];
}

const causeLabels: Record<Exclude<CaseBan['cause'], 'won-mayor-award'>, Bilingual> = {
  'disqualified-false-material': { zh: '提供虚假材料，取消申报资格', en: 'Disqualified for false material' },
  'revoked-fraud': { zh: '弄虚作假，撤销奖项', en: 'Award revoked for fraud' },
  'revoked-incident': { zh: '发生重大事故，撤销奖项', en: 'Award revoked after a serious incident' },
};

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 2026-12-07 → 2026年12月7日 / 7 December 2026, as each language writes a date in running text. */
export function reportDate(on: IsoDate, lang: ReportLanguage): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${months[m - 1]} ${y}`;
}

/** The report's own words in each language (the award's names and articles come from its data). */
const words = {
  zh: {
    title: (year: number, award: string) => `${year}年度${award}评审工作报告`,
    asOf: (on: IsoDate) => `统计截至${reportDate(on, 'zh')}`,
    none: '无。',
    stages: (total: number) => `一、各阶段案件数（共 ${total} 件）`,
    stagesSheet: '各阶段案件数',
    stagesHead: ['阶段', '案件数（件）'],
    stagesHeadByAward: ['奖项', '阶段', '案件数（件）'],
    quotas: (art: string) => `二、获奖与提名名额（${art}）`,
    quotasSheet: '获奖与提名名额',
    quotasHead: ['奖项', '已批准（个）', '名额（个）', '其中：组织', '其中：个人', '是否超出名额'],
    over: '超出',
    within: '未超出',
    unchecked: '尚未核对',
    rewards: (art: string) => `三、奖励情况（${art}）`,
    rewardsSheet: '奖励情况',
    rewardsHead: ['获奖单位或个人', '奖项', '奖励金额（元）', '备注'],
    recalled: '奖项已撤销，奖励收回',
    total: '合计',
    bans: (arts: string, n: number) => `四、本年度作出的禁申与锁定（${arts}，共 ${n} 项）`,
    bansSheet: '禁申与锁定',
    bansHead: ['申报主体', '事由', '依据', '起始日', '截止日（含当日）'],
    locked: (award: string) => `已获${award}，期满前不得再次申报`,
    duties: (done: number, overdue: number) => `五、获奖后监督事项（已办结 ${done} 项，逾期 ${overdue} 项）`,
    dutiesSheet: '获奖后监督事项',
    dutiesHead: ['获奖单位或个人', '依据', '事项', '到期日', '办理情况', '办结人'],
    status: { overdue: '逾期', open: '待办', done: '已办结', 'not-applicable': '不适用' },
    unverified: '条款未核实',
  },
  en: {
    title: (year: number, award: string) => `${award}: Review Report ${year}`,
    asOf: (on: IsoDate) => `Figures as of ${reportDate(on, 'en')}`,
    none: 'None.',
    stages: (total: number) => `1. Cases by stage (${total.toLocaleString('en-GB')} in all)`,
    stagesSheet: 'Cases by stage',
    stagesHead: ['Stage', 'Cases'],
    stagesHeadByAward: ['Award', 'Stage', 'Cases'],
    quotas: (art: string) => `2. Awards and nominations against the quotas (${art})`,
    quotasSheet: 'Quotas',
    quotasHead: ['Award', 'Approved', 'Places', 'Organisations', 'Individuals', 'Over the quota?'],
    over: 'Over',
    within: 'Within',
    unchecked: 'Not yet checked',
    rewards: (art: string) => `3. Rewards (${art})`,
    rewardsSheet: 'Rewards',
    rewardsHead: ['Winner', 'Award', 'Amount (yuan)', 'Note'],
    recalled: 'Award revoked; reward recovered',
    total: 'Total',
    bans: (arts: string, n: number) => `4. Bans and locks issued this year (${arts}; ${n} in all)`,
    bansSheet: 'Bans and locks',
    bansHead: ['Applicant', 'Reason', 'Under', 'From', 'Until (inclusive)'],
    locked: (award: string) => `Winner of the ${award}: may not apply again until the lock ends`,
    duties: (done: number, overdue: number) => `5. Duties after the award (${done} done, ${overdue} overdue)`,
    dutiesSheet: 'Duties after the award',
    dutiesHead: ['Winner', 'Under', 'Duty', 'Due', 'Status', 'Closed by'],
    status: { overdue: 'Overdue', open: 'Open', done: 'Done', 'not-applicable': 'Not applicable' },
    unverified: 'article not verified',
  },
} as const;

export function buildYearReport(input: {
  year: number;
  today: IsoDate;
  stageCounts: Record<CaseStage, number>;
  summary: YearSummary | null;
  quotaArticle: string;
  rewards: YearRewards;
  rewardArticle: string;
  bans: readonly CaseBan[];
  duties: readonly { applicantName: string; tasks: readonly DutyTask[] }[];
  /** the office's award (issue 16): its name, tier names and ban articles; the default award when absent */
  pack?: AwardPack;
  /** the year's stage counts per award its cases are judged by (issue 16); two or more: each row names its award */
  stageCountsByAward?: readonly { pack: AwardPack; counts: Record<CaseStage, number> }[];
  /** each case's own award, for the tier names of its reward and lock (issue 16); the office's when absent */
  packOfCase?: (caseId: string) => AwardPack | null | undefined;
  /** the language the report is written in (the staff page's); Chinese when absent */
  lang?: ReportLanguage;
}): YearReport {
  const { year, stageCounts, summary, rewards, bans, duties } = input;
  const lang = input.lang ?? 'zh';
  const w = words[lang];
  const art = (written: string) => citeWritten(written)[lang];
  const pack = input.pack ?? defaultPolicy;
  const tiers = tierTitlesFor(pack.award);
  const [from, to] = [articleIn(pack, '14'), articleIn(pack, '16')];
  const banArts = from && to ? (from === to ? art(from) : lang === 'zh' ? `${from}—${to}` : `Arts ${articleNumberEn(from)}–${articleNumberEn(to)}`) : w.unverified;
  const tiersOf = (caseId: string) => {
    const own = input.packOfCase?.(caseId);
    return own ? tierTitlesFor(own.award) : tiers;
  };
  const causeLabel = (b: CaseBan) => (b.cause === 'won-mayor-award' ? w.locked(tiersOf(b.caseId).award[lang]) : causeLabels[b.cause][lang]);
  const byAward = input.stageCountsByAward && input.stageCountsByAward.length > 1 ? input.stageCountsByAward : null;
  const stageRows = (p: AwardPack, counts: Record<CaseStage, number>) => caseStages.filter((s) => counts[s] > 0).map((s) => [stageTitlesFor(p.award)[s][lang], counts[s]]);
  const total = Object.values(stageCounts).reduce((a, b) => a + b, 0);
  const issued = bans.filter((b) => b.from.startsWith(`${year}-`));
  const tasks = duties.flatMap((d) => d.tasks.map((t) => ({ name: d.applicantName, t })));
  const quota = (label: string, q: YearSummary['award'] | undefined) =>
    q ? [label, q.used, q.max, q.organizations, q.individuals, q.used > q.max ? w.over : w.within] : [label, '—', '—', '—', '—', w.unchecked];
  return {
    year,
    lang,
    title: w.title(year, pack.award.name[lang]),
    generatedOn: input.today,
    asOf: w.asOf(input.today),
    none: w.none,
    sections: [
      {
        title: w.stages(total),
        sheet: w.stagesSheet,
        head: [...(byAward ? w.stagesHeadByAward : w.stagesHead)],
        rows: byAward ? byAward.flatMap((a) => stageRows(a.pack, a.counts).map((r) => [a.pack.award.name[lang], ...r])) : stageRows(pack, stageCounts),
      },
      {
        title: w.quotas(art(input.quotaArticle)),
        sheet: w.quotasSheet,
        head: [...w.quotasHead],
        rows: [quota(tiers.award[lang], summary?.award), quota(tiers.nomination[lang], summary?.nomination)],
      },
      {
        title: w.rewards(art(input.rewardArticle)),
        sheet: w.rewardsSheet,
        head: [...w.rewardsHead],
        rows: [
          ...rewards.items.map((r) => [r.applicantName, tiersOf(r.caseId)[r.tier][lang], r.recalled ? 0 : r.yuan, r.recalled ? w.recalled : '']),
          [w.total, '', rewards.totalYuan, ''],
        ],
      },
      {
        title: w.bans(banArts, issued.length),
        sheet: w.bansSheet,
        head: [...w.bansHead],
        rows: issued.map((b) => [b.applicant ?? b.caseId, causeLabel(b), art(b.article), b.from, b.until]),
      },
      {
        title: w.duties(tasks.filter((x) => x.t.status === 'done').length, tasks.filter((x) => x.t.overdue).length),
        sheet: w.dutiesSheet,
        head: [...w.dutiesHead],
        rows: tasks.map(({ name, t }) => [name, art(t.article), t.title[lang], t.dueOn, w.status[t.overdue ? 'overdue' : t.status], t.closedBy ?? '']),
      },
    ],
  };
}

/** The report as a Word document (docx, loaded only when asked for). */
export async function yearReportDocx(report: YearReport): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, HeadingLevel, AlignmentType } = await import('docx');
  const font = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
  const cell = (value: string | number, bold = false, text = String(value)) =>
    new TableCell({ children: [new Paragraph({ alignment: typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 21, font })] })] });
  // columns as wide as what they hold (a CJK character counts twice), so headers do not break mid-word
  // and every column at least as wide as its longest unbreakable word (a word, a date, a number): then the rest of
  // the 9,000 twips is shared in proportion to what the columns hold
  const widths = (s: YearReportSection) => {
    const len = (v: string | number) => [...String(v)].reduce((n, ch) => n + (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? 2 : 1), 0);
    const w = s.head.map((h, j) => Math.min(30, Math.max(len(h), ...s.rows.map((r) => len(r[j] ?? ''))) + 3));
    const words = (v: string | number) => (typeof v === 'number' ? [v.toLocaleString('en-GB')] : v.split(/[\s/]+/));
    // Chinese text may break between any two characters: a short term (第十七条, 市长质量奖) is kept whole, a sentence wraps
    const unbreakable = (v: string | number) => words(v).map((t) => (/[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(t) ? Math.min(len(t), 10) : len(t)));
    const least = s.head.map((h, j) => 260 + 125 * Math.min(24, Math.max(len(h.split(/[\s/]+/)[0] ?? ''), ...words(h).map(len), ...s.rows.flatMap((r) => unbreakable(r[j] ?? '')))));
    const floor = least.reduce((a, b) => a + b, 0);
    if (floor >= 9000) return least.map((x) => Math.round((x / floor) * 9000));
    const spare = 9000 - floor;
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x, j) => least[j]! + Math.round((x / sum) * spare));
  };
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.title, bold: true, size: 36, color: '000000', font: { ...font, eastAsia: '黑体' } })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.asOf, size: 24, font })] }),
    ...report.sections.flatMap((s) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: s.title, bold: true, size: 28, color: '000000', font: { ...font, eastAsia: '黑体' } })] }),
      s.rows.length
        ? new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths(s), rows: [new TableRow({ tableHeader: true, children: s.head.map((h) => cell(h, true)) }), ...s.rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false, typeof v === 'number' ? v.toLocaleString(report.lang === 'zh' ? 'zh-CN' : 'en-GB') : v)) }))] })
        : new Paragraph({ children: [new TextRun({ text: report.none, size: 24, font })] }),
    ]),
  ];
  return Packer.pack(new Document({ creator: 'Award Pilot', title: report.title, sections: [{ children }] }), 'uint8array');
}

/** The report as a workbook: one sheet per section, numbers as numbers (exceljs, loaded only when asked for). */
export async function yearReportXlsx(report: YearReport): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Award Pilot';
  wb.title = report.title;
  report.sections.forEach((s, i) => {
    const ws = wb.addWorksheet(`${i + 1} ${s.sheet}`.slice(0, 31));
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    const head = ws.addRow(s.head);
    head.font = { bold: true };
    // counts and yuan with thousands separators, as the Word report and the preview show them
    for (const r of s.rows) ws.addRow(r).eachCell((c) => void (typeof c.value === 'number' && (c.numFmt = '#,##0')));
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    ws.columns.forEach((c, j) => (c.width = Math.max(10, ...[s.head[j] ?? '', ...s.rows.map((r) => String(r[j] ?? ''))].map((v) => v.length * 2 + 2)) > 40 ? 40 : Math.max(10, ...[s.head[j] ?? '', ...s.rows.map((r) => String(r[j] ?? ''))].map((v) => v.length * 2 + 2))));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
