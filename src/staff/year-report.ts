import type { IsoDate } from '../core/dates.ts';
import type { CaseBan } from '../cases/staff.ts';
import type { YearSummary } from '../cases/year.ts';
import { caseStages, stageTitlesFor, tierTitlesFor, type CaseStage } from '../../machines/case.stages.ts';
import { articleIn } from '../awards/cite.ts';
import { defaultPolicy } from '../policy/index.ts';
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
  head: string[];
  rows: (string | number)[][];
}

export interface YearReport {
  year: number;
  title: string;
  generatedOn: IsoDate;
  sections: YearReportSection[];
}

const causeLabels: Record<Exclude<CaseBan['cause'], 'won-mayor-award'>, string> = {
  'disqualified-false-material': '提供虚假材料取消资格',
  'revoked-fraud': '弄虚作假被撤销奖项',
  'revoked-incident': '重大事故被撤销奖项',
};

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
}): YearReport {
  const { year, stageCounts, summary, rewards, bans, duties } = input;
  const pack = input.pack ?? defaultPolicy;
  const tiers = tierTitlesFor(pack.award);
  const [from, to] = [articleIn(pack, '14'), articleIn(pack, '16')];
  const banArts = from && to ? (from === to ? from : `${from}—${to}`) : '条款未核实';
  const tiersOf = (caseId: string) => {
    const own = input.packOfCase?.(caseId);
    return own ? tierTitlesFor(own.award) : tiers;
  };
  const causeLabel = (b: CaseBan) => (b.cause === 'won-mayor-award' ? `获${tiersOf(b.caseId).award.zh}后不再申报` : causeLabels[b.cause]);
  const byAward = input.stageCountsByAward && input.stageCountsByAward.length > 1 ? input.stageCountsByAward : null;
  const stageRows = (p: AwardPack, counts: Record<CaseStage, number>) => caseStages.filter((s) => counts[s] > 0).map((s) => [stageTitlesFor(p.award)[s].zh, counts[s]]);
  const total = Object.values(stageCounts).reduce((a, b) => a + b, 0);
  const issued = bans.filter((b) => b.from.startsWith(`${year}-`));
  const tasks = duties.flatMap((d) => d.tasks.map((t) => ({ name: d.applicantName, t })));
  const quota = (label: string, q: YearSummary['award'] | undefined) =>
    q ? [label, q.used, q.max, q.organizations, q.individuals, q.used > q.max ? '超出名额' : '未超出'] : [label, '—', '—', '—', '—', '名额核对未完成'];
  return {
    year,
    title: `${year}年度${pack.award.name.zh}评审工作报告`,
    generatedOn: input.today,
    sections: [
      {
        title: `一、各阶段案件数（共 ${total} 件）`,
        head: byAward ? ['奖项', '阶段', '案件数'] : ['阶段', '案件数'],
        rows: byAward ? byAward.flatMap((a) => stageRows(a.pack, a.counts).map((r) => [a.pack.award.name.zh, ...r])) : stageRows(pack, stageCounts),
      },
      {
        title: `二、获奖与提名名额（${input.quotaArticle}）`,
        head: ['奖项', '已批准', '名额上限', '组织', '个人', '核对结果'],
        rows: [quota(tiers.award.zh, summary?.award), quota(tiers.nomination.zh, summary?.nomination)],
      },
      {
        title: `三、奖励（${input.rewardArticle}）`,
        head: ['申报主体', '奖项', '金额（元）', '说明'],
        rows: [
          ...rewards.items.map((r) => [r.applicantName, tiersOf(r.caseId)[r.tier].zh, r.recalled ? 0 : r.yuan, r.recalled ? '已撤销，奖金收回' : '']),
          ['合计', '', rewards.totalYuan, ''],
        ],
      },
      {
        title: `四、本年度作出的禁申与锁定（${banArts}，共 ${issued.length} 项）`,
        head: ['申报主体', '原因', '条款', '起算日', '截止日（含）'],
        rows: issued.map((b) => [b.applicant ?? b.caseId, causeLabel(b), b.article, b.from, b.until]),
      },
      {
        title: `五、获奖后监督事项（办结 ${tasks.filter((x) => x.t.status === 'done').length} 项，逾期 ${tasks.filter((x) => x.t.overdue).length} 项）`,
        head: ['申报主体', '条款', '事项', '到期日', '状态', '办理人'],
        rows: tasks.map(({ name, t }) => [name, t.article, t.title.zh, t.dueOn, t.overdue ? '逾期' : t.status === 'open' ? '待办' : t.status === 'done' ? '已办结' : '不适用', t.closedBy ?? '']),
      },
    ],
  };
}

/** The report as a Word document (docx, loaded only when asked for). */
export async function yearReportDocx(report: YearReport): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, HeadingLevel, AlignmentType } = await import('docx');
  const font = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
  const cell = (text: string | number, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold, size: 21, font })] })] });
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.title, bold: true, size: 36, font: { ...font, eastAsia: '黑体' } })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `统计日期：${report.generatedOn}`, size: 24, font })] }),
    ...report.sections.flatMap((s) => [
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: s.title, bold: true, size: 28, font: { ...font, eastAsia: '黑体' } })] }),
      s.rows.length
        ? new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: s.head.map((h) => cell(h, true)) }), ...s.rows.map((r) => new TableRow({ children: r.map((v) => cell(typeof v === 'number' ? v.toLocaleString('zh-CN') : v)) }))] })
        : new Paragraph({ children: [new TextRun({ text: '无。', size: 24, font })] }),
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
    const ws = wb.addWorksheet(`${i + 1}-${s.title.replace(/^[一二三四五]、/, '').replace(/[（(].*$/, '').slice(0, 20)}`);
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    const head = ws.addRow(s.head);
    head.font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    ws.columns.forEach((c, j) => (c.width = Math.max(10, ...[s.head[j] ?? '', ...s.rows.map((r) => String(r[j] ?? ''))].map((v) => v.length * 2 + 2)) > 40 ? 40 : Math.max(10, ...[s.head[j] ?? '', ...s.rows.map((r) => String(r[j] ?? ''))].map((v) => v.length * 2 + 2))));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
