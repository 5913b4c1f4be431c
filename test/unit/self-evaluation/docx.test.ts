import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { ZodError } from 'zod';
import { catalogueItems, exportSelfEvaluationDocx } from '../../../src/index.ts';

const FORMAT = 'lyg-award/self-evaluation@1' as const;

/** The visible text of word/document.xml, one string per paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}
/** Table rows as arrays of cell texts. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

describe('exportSelfEvaluationDocx', () => {
  const sheet = {
    format: FORMAT,
    items: catalogueItems.map((i, k) => ({ id: i.id, percent: (k % 3) * 25 + 25 })).filter((i) => i.id !== '4.4.7'),
  };

  it('is a Word package whose document shows the total, category and item rows, profile and notes', async () => {
    const bytes = await exportSelfEvaluationDocx(sheet, {
      applicantName: '连云港示例制造有限公司',
      round: '2026',
      language: 'zh-en', // English beside the Chinese, as chosen
      profile: { description: '公司主营高端装备。', challenges: '主要竞争对手来自长三角。' },
      items: { '4.1.2': { strengths: '领导层每月评审质量指标\n建立了双向沟通机制', improvements: '尚未评价领导力提升效果', evidence: [{ name: '2025年管理评审纪要.pdf', note: '第3页' }] } },
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain('word/document.xml');
    expect(Object.keys(files).some((f) => f.startsWith('word/charts/chart'))).toBe(true);
    const xml = strFromU8(files['word/document.xml']!);
    const rows = tableRows(xml);

    // expected numbers computed independently of the exporter
    const pct = new Map(sheet.items.map((i) => [i.id, i.percent]));
    const total = catalogueItems.reduce((s, i) => s + (i.points * (pct.get(i.id) ?? 0)) / 100, 0);
    const totalRow = rows.find((r) => r[1] === '总分 Total');
    expect(totalRow).toBeDefined();
    expect(totalRow![2]).toBe('1000');
    expect(totalRow![4]).toBe(String(total));

    const item = rows.find((r) => r[0] === '4.1.2');
    expect(item).toEqual(['4.1.2', '高层领导的作用 Role of senior leaders', '50', '25%', '12.5']);
    expect(rows.find((r) => r[0] === '4.4.7')).toEqual(['4.4.7', '相关方关系 Stakeholder relations', '10', '—', '0']);
    const leadership = rows.find((r) => r[0] === '4.1');
    expect(leadership?.[2]).toBe('110');
    expect(rows.filter((r) => /^4\.\d\.\d$/.test(r[0] ?? '') && r.length === 5)).toHaveLength(23);

    const text = paragraphs(xml);
    expect(text).toContain(`总分 Total：${total} / 1000`);
    expect(text.some((t) => t.includes('连云港示例制造有限公司'))).toBe(true);
    expect(text).toContain('公司主营高端装备。');
    expect(text).toContain('领导层每月评审质量指标');
    expect(text).toContain('尚未评价领导力提升效果');
    expect(text.some((t) => t.includes('2025年管理评审纪要.pdf'))).toBe(true);
    expect(text.some((t) => t.includes('4.4.7'))).toBe(true); // missing items are listed
    expect(text.some((t) => t.includes('第十条'))).toBe(true); // the measures' article asking for it
  });

  it('escapes XML in user text', async () => {
    const bytes = await exportSelfEvaluationDocx({ format: FORMAT, items: [] }, { applicantName: 'A&B <公司>' });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('A&amp;B &lt;公司&gt;');
  });

  it('rejects a bad sheet with a ZodError and writes nothing', async () => {
    await expect(exportSelfEvaluationDocx({ format: FORMAT, items: [{ id: '4.1.2', percent: 33 }] })).rejects.toBeInstanceOf(ZodError);
  });
});

describe('exportSelfEvaluationDocx options', () => {
  it('takes strengths and OFIs as lists and evidence as plain file names too', async () => {
    const bytes = await exportSelfEvaluationDocx(
      { format: FORMAT, items: [{ id: '4.7.4', percent: 50 }] },
      { items: { '4.7.4': { strengths: ['营收三年增长 32%', '利润率高于行业均值'], improvements: ['缺少与标杆的对比'], evidence: ['2023-2025年审计报告.pdf'] } } },
    );
    const text = paragraphs(strFromU8(unzipSync(bytes)['word/document.xml']!));
    for (const t of ['营收三年增长 32%', '利润率高于行业均值', '缺少与标杆的对比', '2023-2025年审计报告.pdf']) expect(text).toContain(t);
  });
});
