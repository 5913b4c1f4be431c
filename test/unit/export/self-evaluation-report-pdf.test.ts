// The 自评报告 as an applicant submits it, read by real tools: LibreOffice Writer converts the .docx
// to PDF (as a reviewer's office would print it) and poppler reads the PDF back: page count, the
// table of contents with page numbers, no heading stranded at a page's foot, Chinese text, fonts
// embedded. Pages are also written as PNG (test/artifacts/report-pages) to be looked at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogueItems, exportSelfEvaluationDocx } from '../../../src/index.ts';
// @ts-expect-error a plain .mjs test tool
import { docxToPdfUpdated } from '../../tools/libreoffice-pdf.mjs';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'award-report-'));
const artifacts = path.resolve(import.meta.dirname, '../../artifacts/report-pages');

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
}
function toPdf(docx: string): string {
  run(soffice!, ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, docx]);
  return docx.replace(/\.docx$/, '.pdf');
}
const pageText = (pdf: string, n: number) => run('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']);

const sheet = { format: 'lyg-award/self-evaluation@1' as const, items: catalogueItems.map((i, k) => ({ id: i.id, percent: 40 + (k % 4) * 10 })) };
/** The applicant's own account per item: three paragraphs of plain prose, as a 自评报告 has. */
const narrative = (id: string, name: string) =>
  [
    `本公司围绕“${name}”建立了系统的方法。${'公司按照卓越绩效评价准则的要求，明确职责分工，制定年度计划并逐级分解到部门和班组，定期检查执行情况。'.repeat(2)}`,
    `在展开方面，相关方法已覆盖全部主要部门和生产基地。${'各部门按月报告进展，质量部汇总分析，发现问题及时纠正，并在管理评审中评价方法的有效性。'.repeat(2)}`,
    `在学习与整合方面，公司每年对 ${id} 条款的做法进行回顾和改进。${'通过对标行业先进企业，持续优化流程，改进成果纳入制度文件并在全公司推广。'.repeat(2)}`,
  ].join('\n');
const items = Object.fromEntries(catalogueItems.map((i) => [i.id, {
  narrative: narrative(i.id, i.name.zh),
  evidence: [{ name: `${i.id} 证实性材料清单.pdf`, note: '' }],
}]));

/** The entries of a table of contents as pdftotext lays it out: "heading……page". */
const tocEntries = (toc: string) =>
  toc.split('\n').map((l) => l.match(/^\s*(\S.*?)\.{3,}\s*(\d+)\s*$/)).filter((m) => m !== null).map((m) => ({ heading: m![1]!.trim(), listed: Number(m![2]) }));

/**
 * The TOC as the file was written (pages 2 up to 得分概览) against the pages its headings are on; a heading
 * is matched by its Chinese words (with English chosen, they are followed by the English).
 */
function tocAsWritten(pdf: string, pages: number) {
  const text = Array.from({ length: pages }, (_, k) => pageText(pdf, k + 1));
  const isHeadingOn = (h: string, k: number) => text[k]!.split('\n').some((l) => l.trim() === h || l.trim().startsWith(`${h}  `));
  const firstBody = text.findIndex((_, k) => k >= 2 && isHeadingOn('得分概览', k));
  expect(firstBody, '得分概览 follows the table of contents').toBeGreaterThan(1);
  const toc = text.slice(1, firstBody).join('\n');
  expect(toc).toContain('目录');
  const entries = tocEntries(toc).map((e) => ({ ...e, heading: e.heading.replace(/\s{2,}.*$/, '') }));
  const wrong = entries.flatMap((e) => {
    const actual = text.findIndex((_, k) => k >= firstBody && isHeadingOn(e.heading, k)) + 1;
    return actual === e.listed ? [] : [`${e.heading}: listed ${e.listed}, on page ${actual}`];
  });
  return { entries, wrong };
}

describe('自评报告 .docx through LibreOffice → PDF (poppler)', () => {
  it('LibreOffice Writer and poppler are installed', () => {
    expect(soffice, 'LibreOffice (libreoffice-writer-nogui) must be installed').toBeTruthy();
    expect(fs.existsSync('/usr/bin/pdftotext'), 'poppler-utils must be installed').toBe(true);
  });

  it('has a cover, a table of contents with page numbers, 小四 Chinese body, no stranded headings, embedded fonts', async () => {
    const bytes = await exportSelfEvaluationDocx(sheet, {
      applicantName: '连云港示例装备有限公司', awardYear: 2026, date: '2026-06-20',
      profile: { description: '公司成立于 2008 年，主营港口起重装备。\n现有员工 1200 人。', challenges: '主要竞争对手来自长三角地区。' },
      items,
    });
    // the body is set in 小四 (12 pt = 24 half-points) with the Chinese font named
    const styles = strFromU8(unzipSync(bytes)['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="24"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toContain('w:eastAsia="宋体"');
    const document = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(document).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    expect((document.match(/<w:keepNext\/>/g) ?? []).length).toBeGreaterThan(23);

    const file = path.join(work, 'report.docx');
    fs.writeFileSync(file, bytes);
    const pdf = toPdf(file);
    const pages = Number(run('pdfinfo', [pdf]).match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(40);

    // cover: the award year, the applicant, the date; Chinese only (English is an option)
    const cover = pageText(pdf, 1);
    for (const t of ['2026 年度连云港市市长质量奖', '卓越绩效自我评价报告', '连云港示例装备有限公司', '2026 年 6 月 20 日']) expect(cover.replace(/\s+/g, ' ')).toContain(t);
    const all = run('pdftotext', ['-layout', pdf, '-']);
    expect(all).not.toMatch(/Score summary|Strengths|Item by item/);

    // the table of contents, from page 2 to the page before 得分概览, lists every level-1 and level-2
    // heading with the page it is on, as the file was written: LibreOffice does not update the field on
    // opening, so these are the numbers the docx layout worked out (exact lines make them every viewer's).
    expect(document).toContain('w:fldCharType="begin" w:dirty="true"');
    const { entries, wrong } = tocAsWritten(pdf, pages);
    expect(entries.map((e) => e.heading)).toEqual(['得分概览', '组织概述', 'B.1 组织描述', 'B.2 组织面临的挑战', '评分汇总表', '七大类目得分图', '各条款自评', ...catalogueItems.map((i) => `${i.id} ${i.name.zh}`)]);
    expect(wrong, 'TOC entries whose page number (as written, not updated) is not the heading\'s page').toEqual([]);
    console.log(`TOC as written: ${entries.length}/${entries.length} entries name their heading's page; ${pages} pages`);
    expect(pageText(pdf, 1)).toContain('第十条');

    // the narratives are there, in Chinese
    expect(all).toContain('本公司围绕“高层领导的作用”建立了系统的方法');

    // no heading is the last line of a page (the footer 第 N 页 / 共 M 页 aside)
    const headings = [...catalogueItems.map((i) => `${i.id} ${i.name.zh}`), '得分概览', '组织概述', '评分汇总表', '七大类目得分图', '各条款自评', '证实性材料'];
    fs.mkdirSync(artifacts, { recursive: true });
    for (let n = 3; n <= pages; n++) {
      const lines = pageText(pdf, n).split('\n').map((l) => l.trim()).filter((l) => l && !/^第 \d+ 页/.test(l));
      const last = lines.at(-1) ?? '';
      expect(headings.some((h) => last === h || last.startsWith(`${h}  `)), `page ${n} ends with the heading "${last}"`).toBe(false);
    }

    // every font is embedded, and a Chinese one is among them
    const fonts = run('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // pages to look at
    run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '4', pdf, path.join(artifacts, 'report')]);
  }, 240_000);

  it('another notice’s layout (仿宋_GB2312 四号, 行距固定值 28 磅): the TOC as written still names every heading’s page', async () => {
    const bytes = await exportSelfEvaluationDocx(sheet, {
      applicantName: '连云港示例装备有限公司', awardYear: 2026, date: '2026-06-20', items,
      font: { eastAsia: '仿宋_GB2312', latin: 'Times New Roman' }, bodySize: 14, lineSpacing: 28,
    });
    const file = path.join(work, 'report-fangsong.docx');
    fs.writeFileSync(file, bytes);
    const pdf = toPdf(file);
    const pages = Number(run('pdfinfo', [pdf]).match(/Pages:\s+(\d+)/)![1]);
    const { entries, wrong } = tocAsWritten(pdf, pages);
    expect(entries.length).toBe(4 + catalogueItems.length);
    expect(wrong).toEqual([]);
    console.log(`仿宋 四号 28 磅: ${entries.length}/${entries.length} TOC entries as written name their heading's page; ${pages} pages`);
  }, 240_000);

  it('after LibreOffice updates the table of contents (工具 ▸ 更新 ▸ 全部更新), every entry names the page its heading is on', async () => {
    const bytes = await exportSelfEvaluationDocx(sheet, { applicantName: '连云港示例装备有限公司', awardYear: 2026, date: '2026-06-20', items });
    const file = path.join(work, 'report-updated.docx');
    fs.writeFileSync(file, bytes);
    const pdf = docxToPdfUpdated(soffice!, file, path.join(work, 'report-updated.pdf'), work) as string;
    const pages = Number(run('pdfinfo', [pdf]).match(/Pages:\s+(\d+)/)![1]);
    const text = Array.from({ length: pages }, (_, k) => pageText(pdf, k + 1));
    const firstBody = text.findIndex((t, k) => k >= 2 && t.split('\n').some((l) => l.trim() === '得分概览'));
    const toc = text.slice(1, firstBody).join('\n');
    expect(toc).toContain('目录');
    // the TOC is rebuilt from the headings' outline levels: every level-1 and level-2 heading, in order
    const entries = tocEntries(toc);
    expect(entries.map((e) => e.heading)).toEqual(['得分概览', '评分汇总表', '七大类目得分图', '各条款自评', ...catalogueItems.map((i) => `${i.id} ${i.name.zh}`)]);
    for (const e of entries) {
      const actual = text.findIndex((t, k) => k >= firstBody && t.split('\n').some((l) => l.trim() === e.heading)) + 1;
      expect(actual, `${e.heading} is on a page after the TOC`).toBeGreaterThan(firstBody);
      expect(e.listed, `${e.heading}: the TOC says page ${e.listed}, the heading is on page ${actual}`).toBe(actual);
    }
    run('pdftoppm', ['-png', '-r', '50', '-f', '2', '-l', '2', pdf, path.join(artifacts, 'report-toc-updated')]);
  }, 240_000);
});
