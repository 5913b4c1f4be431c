import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { buildReportModel, type ReportModel, type ReportOptions } from '../self-evaluation/report.ts';
import { formatScore } from '../self-evaluation/score.ts';

/**
 * contract §5: the self-evaluation report as a Word document (.docx), built with the pure-JS
 * `docx` package so it runs in Node and in the extension. `docx` is imported lazily: it is about
 * 1 MB and must never land in the side panel's first chunk.
 *
 * The category chart is drawn twice, both native to Word and both working without a canvas:
 * a radar chart (DrawingML chart with its workbook) and a bar table of shaded cells that every
 * viewer shows, including ones that don't draw charts.
 */
/**
 * How the report is set, as award notices ask: Chinese only unless English is wanted beside it, body
 * 小四 (12 pt), a Chinese font by name (宋体 unless the notice asks for another, e.g. 仿宋_GB2312).
 */
export const docxLayoutSchema = z.object({
  language: z._default(z.enum(['zh', 'zh-en']), 'zh'),
  font: z._default(z.object({ eastAsia: z._default(z.string().check(z.minLength(1)).check(z.maxLength(40)), '宋体'), latin: z._default(z.string().check(z.minLength(1)).check(z.maxLength(40)), 'Times New Roman') }), { eastAsia: '宋体', latin: 'Times New Roman' }),
  /** body size in points: 12 = 小四, 14 = 四号, 10.5 = 五号 */
  bodySize: z._default(z.number().check(z.gte(9)).check(z.lte(16)), 12),
  /**
   * line spacing 固定值, in points (award notices set e.g. 固定值 20 磅 or 28 磅). Exact lines make the pages
   * the same in Word, WPS and LibreOffice whichever Chinese font each draws: CJK characters are one em wide in
   * every font, so only the line height differed, and the table of contents' page numbers written into the
   * file are then the pages every viewer shows.
   */
  lineSpacing: z._default(z.number().check(z.gte(12)).check(z.lte(40)), 20),
});
export type DocxOptions = ReportOptions & z.input<typeof docxLayoutSchema>;

export async function exportSelfEvaluationDocx(sheet: unknown, options: DocxOptions = {}): Promise<Uint8Array> {
  const model = buildReportModel(sheet, options); // validates first: a bad sheet rejects with a ZodError
  const layout = parseOrThrow(docxLayoutSchema, options ?? {});
  const bilingual = layout.language === 'zh-en';
  /** "中文" or, with English chosen, "中文 English" */
  const t = (zh: string, en: string) => (bilingual ? `${zh} ${en}` : zh);
  const docx = await import('docx');
  const { ChartRun } = await import('docx/charts');
  const { estimatePageNumbersWith } = await import('docx/layout');
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, ShadingType, HeadingLevel, AlignmentType, Footer, PageNumber, TableOfContents, LineRuleType } = docx;
  /** a line of exactly `pt` points (固定值) */
  const exact = (pt: number) => ({ line: Math.round(pt * 20), lineRule: LineRuleType.EXACT });

  type Child = InstanceType<typeof Paragraph> | InstanceType<typeof Table>;
  const children: Child[] = [];
  const p = (text: string, opts: { bold?: boolean; size?: number; color?: string; align?: 'center' | 'right' } = {}) =>
    new Paragraph({
      alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : undefined,
      children: [new TextRun({ text, bold: opts.bold, size: opts.size, color: opts.color })],
    });
  // Headings keep with the paragraph after them and never split: no heading is left last on a page.
  const heading = (zh: string, en: string, level: 1 | 2 | 3, pageBreakBefore = false) =>
    new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      keepNext: true,
      keepLines: true,
      // the outline level on the paragraph itself: LibreOffice builds the TOC field (\o "1-2") from it
      // when it updates the index (the docx package's heading styles carry none)
      outlineLevel: level - 1,
      pageBreakBefore,
      children: [new TextRun({ text: zh }), ...(bilingual ? [new TextRun({ text: `  ${en}`, size: level === 1 ? 22 : 20, color: '666666' })] : [])],
    });
  const paragraphsOf = (text: string) => text.split(/\r?\n/).filter((l) => l.trim()).map((l) => p(l.trim()));

  // Cover: the report's title, the applicant, the award year and the date, alone on the first page.
  const big = (text: string, size: number, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, ...exact(size * 0.75) }, children: [new TextRun({ text, size, bold })] });
  children.push(new Paragraph({ spacing: { before: 2400 }, children: [] }));
  children.push(big(model.awardYear ? `${model.awardYear} 年度${model.awardName.zh}` : model.awardName.zh, 32, true));
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 600, ...exact(40) }, children: [new TextRun({ text: model.title.zh, size: 52, bold: true })] }));
  if (bilingual) children.push(p(model.title.en, { align: 'center', color: '666666' }));
  children.push(new Paragraph({ spacing: { before: 1800 }, children: [] }));
  if (model.applicantName) children.push(big(`${t('申报单位', 'Applicant')}：${model.applicantName}`, 32));
  children.push(big(`${t('评价标准', 'Standard')}：${model.standard}`, 28));
  if (model.round) children.push(big(`${t('评价轮次', 'Round')}：${model.round}`, 28));
  if (model.date) {
    const [y, m, d] = model.date.split('-').map(Number);
    children.push(big(`${y} 年 ${m} 月 ${d} 日`, 28));
  }
  // the article the report is written under, at the foot of the cover
  children.push(new Paragraph({ spacing: { before: 1200 }, children: [] }), p(model.basis.zh, { size: 18, color: '555555', align: 'center' }));
  if (bilingual) children.push(p(model.basis.en, { size: 18, color: '555555', align: 'center' }));

  // Table of contents: a TOC field filled in from the headings with the page numbers the docx layout
  // works out. Every line is exact (lineSpacing), so those are the pages LibreOffice, Word and WPS show
  // without updating the field (checked with LibreOffice and poppler in the report's PDF test); it is
  // still written dirty, so Word and WPS offer to update it to their own breaks when the file opens.
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 120, ...exact(24) }, children: [new TextRun({ text: t('目录', 'Contents'), bold: true, size: 32 })] }),
    new TableOfContents(t('目录', 'Contents'), { hyperlink: true, headingStyleRange: '1-2', beginDirty: true }) as unknown as InstanceType<typeof Paragraph>,
  );

  // Summary
  const s = model.subtotals;
  children.push(heading('得分概览', 'Score summary', 1, true));
  children.push(
    p(`${t('总分', 'Total')}：${formatScore(model.score.total)} / 1000`, { bold: true, size: 28 }),
    p(`${t('过程类条款（4.1–4.6）', 'Process items (4.1–4.6)')}：${formatScore(s.process)} / ${s.processPoints}`),
    p(`${t('结果类条款（4.7）', 'Results items (4.7)')}：${formatScore(s.results)} / ${s.resultsPoints}`),
  );
  if (model.score.missing.length) {
    children.push(p(`${t('未评分条款（按 0 分计）', 'Items not scored (count 0)')}：${model.score.missing.join('、')}`, { color: 'B45309' }));
  }

  // Organisation profile (GB/Z 19579-2012 附录B)
  if (model.profile) {
    children.push(heading('组织概述', 'Organisational profile', 1));
    if (model.profile.description) children.push(heading('B.1 组织描述', 'Organisational description', 2), ...paragraphsOf(model.profile.description));
    if (model.profile.challenges) children.push(heading('B.2 组织面临的挑战', 'Organisational challenges', 2), ...paragraphsOf(model.profile.challenges));
  }

  // Scores table
  children.push(heading('评分汇总表', 'Scores table', 1));
  const cell = (text: string, o: { bold?: boolean; fill?: string; align?: 'right' | 'center'; width?: number } = {}) =>
    new TableCell({
      shading: o.fill ? { type: ShadingType.CLEAR, fill: o.fill, color: 'auto' } : undefined,
      width: o.width ? { size: o.width, type: WidthType.PERCENTAGE } : undefined,
      children: [
        new Paragraph({
          alignment: o.align === 'right' ? AlignmentType.RIGHT : o.align === 'center' ? AlignmentType.CENTER : undefined,
          children: [new TextRun({ text, bold: o.bold, size: 20 })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(t('条款', 'Item'), { bold: true, fill: 'DCE6F2', width: 12 }),
      cell(t('名称', 'Name'), { bold: true, fill: 'DCE6F2', width: 46 }),
      cell(t('分值', 'Points'), { bold: true, fill: 'DCE6F2', align: 'right', width: 14 }),
      cell(t('得分率', 'Percent'), { bold: true, fill: 'DCE6F2', align: 'right', width: 14 }),
      cell(t('得分', 'Score'), { bold: true, fill: 'DCE6F2', align: 'right', width: 14 }),
    ],
  });
  const rows = model.rows.map((r) => {
    const strong = r.kind !== 'item';
    const fill = r.kind === 'category' ? 'EEF3F9' : r.kind === 'subtotal' ? 'F3F4F6' : r.kind === 'total' ? 'FDE68A' : undefined;
    const percent = r.percent === null ? '—' : `${r.percent}%`;
    return new TableRow({
      children: [
        cell(r.id, { bold: strong, fill }),
        cell(t(r.name.zh, r.name.en), { bold: strong, fill }),
        cell(String(r.points), { bold: strong, fill, align: 'right' }),
        cell(percent, { bold: strong, fill, align: 'right' }),
        cell(formatScore(r.score), { bold: strong, fill, align: 'right' }),
      ],
    });
  });
  children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }));

  // Chart of the seven categories
  children.push(heading('七大类目得分图', 'The seven categories', 1));
  children.push(
    new Paragraph({
      // a picture in an exact line would be cut to the line: this paragraph grows with its chart
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ChartRun({
          type: 'radar',
          title: t('得分率', 'Score as % of points'),
          categories: model.categories.map((c) => `${c.id} ${c.short.zh}`),
          series: [
            { name: t('满分', 'Full points'), values: model.categories.map(() => 100), color: 'C7D2E0' },
            { name: t('得分率', 'Score %'), values: model.categories.map((c) => Math.round((c.score / c.points) * 1000) / 10), color: '2F6FB0' },
          ],
          markers: true,
          valueAxis: { minimum: 0, maximum: 100, interval: 20 },
          transformation: { width: 520, height: 360 },
          altText: {
            name: 'radar',
            description: model.categories.map((c) => `${c.id} ${c.name.zh} ${formatScore(c.score)}/${c.points}`).join('; '),
          },
        }),
      ],
    }),
  );
  children.push(barTable(docx, model));

  // Per-item text
  if (model.items.length) {
    children.push(heading('各条款自评', 'Item by item', 1));
    for (const i of model.items) {
      const scored = i.percent === null ? t('未评分', 'not scored') : `得分率 ${i.percent}%（${i.band?.zh ?? ''}），得分 ${formatScore((i.points * i.percent) / 100)} / ${i.points}`;
      children.push(heading(`${i.id} ${i.name.zh}`, i.name.en, 2), p(scored, { color: '555555' }));
      // the applicant's own account: the body of a 自评报告, first-line indented two characters
      children.push(...i.narrative.map((l) => new Paragraph({ indent: { firstLine: layout.bodySize * 40 }, children: [new TextRun(l)] })));
      if (i.strengths.length) {
        children.push(heading('优势', 'Strengths', 3), ...i.strengths.map((t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] })));
      }
      if (i.improvements.length) {
        children.push(heading('改进机会', 'Opportunities for improvement', 3), ...i.improvements.map((t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] })));
      }
      if (i.evidence.length) {
        children.push(
          heading('证实性材料', 'Evidence', 3),
          ...i.evidence.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: e.name, bold: true }), new TextRun(e.note ? `：${e.note}` : '')] })),
        );
      }
    }
  }

  const doc = new Document({
    creator: 'Award Pilot 质量奖申报助手',
    // The table of contents' page numbers, worked out as the document is written. `guess`: a Chinese
    // font outside docx's width tables (仿宋_GB2312, 楷体_GB2312, …) is measured as the nearest one it
    // knows instead of leaving every number blank; CJK characters are one em wide in all of them and
    // every line is exact, so the pages come out the same.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    title: `${model.title.zh}${model.applicantName ? ` — ${model.applicantName}` : ''}`,
    description: 'GB/T 19580 self-evaluation report',
    styles: {
      default: {
        document: {
          run: { font: { ascii: layout.font.latin, hAnsi: layout.font.latin, eastAsia: layout.font.eastAsia, cs: layout.font.latin }, size: Math.round(layout.bodySize * 2) },
          paragraph: { spacing: exact(layout.lineSpacing) },
        },
        // headings in exact lines too (their size and some space above), black as award notices print
        heading1: { run: { size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120, ...exact(24) } } },
        heading2: { run: { size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80, ...exact(22) } } },
        heading3: { run: { size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60, ...exact(layout.lineSpacing) } } },
      },
    },
    sections: [
      {
        // A4, as award notices ask for (e.g. 六安: A4, 小四)
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18, color: '666666' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}

/** The categories as horizontal bars of 20 shaded cells (5% each): readable in any Word viewer and in print. */
function barTable(docx: typeof import('docx'), model: ReportModel) {
  const { Table, TableRow, TableCell, Paragraph, TextRun, WidthType, ShadingType, AlignmentType, BorderStyle } = docx;
  const CELLS = 20;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  // white gaps between rows and hairlines between the 5% cells, no frame: it reads as bars, not as a grid
  const borders = {
    top: none, bottom: none, left: none, right: none,
    insideHorizontal: { style: BorderStyle.SINGLE, size: 18, color: 'FFFFFF' },
    insideVertical: { style: BorderStyle.SINGLE, size: 2, color: 'FFFFFF' },
  };
  const labelCell = (text: string) =>
    new TableCell({ width: { size: 30, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: model.categories.map((c) => {
      const filled = Math.round((c.score / c.points) * CELLS);
      const bars = Array.from({ length: CELLS }, (_, k) =>
        new TableCell({
          width: { size: 2.5, type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, fill: k < filled ? '2F6FB0' : 'E5E7EB', color: 'auto' },
          children: [new Paragraph({ children: [new TextRun({ text: '', size: 8 })] })],
        }),
      );
      return new TableRow({
        children: [
          labelCell(`${c.id} ${c.name.zh}`),
          ...bars,
          new TableCell({
            width: { size: 20, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${formatScore(c.score)} / ${c.points}`, size: 18 })] })],
          }),
        ],
      });
    }),
  });
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(docxLayoutSchema);
