import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { placeOfError } from '../../../src/staff/import-formats.ts';
import { brokenJson, prepareImport } from '../../../src/ui/staff/import-run.ts';

const enc = (s: string) => new TextEncoder().encode(s);
/** English words in a Chinese message, apart from the names a Chinese writer uses too. */
const englishIn = (zh: string) => (zh.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['JSON', 'CSV', 'XLSX', 'xlsx', 'Excel', 'WPS', 'UTF'].includes(w));
/** What JSON.parse and spreadsheet readers say, which no person should read. */
const LIBRARY = /Unexpected|token|position|SyntaxError|Error:|end of JSON|zip|undefined|null/i;

const refusal = async (bytes: Uint8Array) => {
  const r = await prepareImport(bytes);
  if (r.ok || !('errors' in r)) throw new Error('expected a refusal');
  return r.errors;
};

/** Import refusals read as people write (issue 14): plain Chinese naming the place, plain English, no library text. */
describe('import refusals in plain words', () => {
  it('a broken JSON file: where it breaks, no library text in either language', async () => {
    for (const text of ['{"format": "lyg-award/cases@1",\n  "cases": [x]}', '{"format": "lyg-award/cases@1", "cases": [']) {
      const [e] = await refusal(enc(text));
      expect(englishIn(e!.message.zh)).toEqual([]);
      expect(e!.message.zh).not.toMatch(LIBRARY);
      expect(e!.message.en).not.toMatch(LIBRARY);
      expect(e!.message.zh).toContain('未导入');
    }
    // where the parser gives a place (V8 in Chromium: "at position N" or "(line L column C)"), the message names it
    const text = '{"format": "lyg-award/cases@1",\n  "cases": [x]}';
    for (const said of [`Unexpected token 'x' in JSON at position ${text.indexOf('x')}`, `Unexpected token 'x', ... is not valid JSON (line 2 column 13)`]) {
      const m = brokenJson(text, new SyntaxError(said));
      expect(m.zh).toContain('第 2 行第 13 个字符');
      expect(m.en).toContain('line 2, character 13');
      expect(m.zh + m.en).not.toMatch(LIBRARY);
    }
  });

  it('a damaged Excel file: said plainly, no library text', async () => {
    const broken = zipSync({ 'xl/workbook.xml': strToU8('<not really'), '[Content_Types].xml': strToU8('<Types/>') });
    const [e] = await refusal(broken);
    expect(englishIn(e!.message.zh)).toEqual([]);
    expect(e!.message.zh).not.toMatch(LIBRARY);
    expect(e!.message.en).not.toMatch(LIBRARY);
  });

  it('a table cell: the row and column, in the chosen language, no field path', () => {
    expect(placeOfError('第 2 行')).toEqual({ zh: '第 2 行', en: 'row 2' });
    expect(placeOfError('cases[3].events[1].event.on')).toEqual({ zh: '第 4 个案件第 2 条事件的“日期”', en: 'case 4, event 2, date' });
    expect(placeOfError('cases[0].header.year')).toEqual({ zh: '第 1 个案件的“年度”', en: 'case 1, year' });
    expect(placeOfError('')).toBeNull();
  });

  it('a CSV cell refused by the schema names its row and column, and no field path', async () => {
    const csv = '编号,年度,类型,申报主体,事件,日期\nc-1,2026,组织,A,提交申报,2026-13-45\n';
    const [e] = await refusal(enc(csv));
    expect(e!.message.zh).toMatch(/^第 2 行“日期”列：/);
    expect(englishIn(e!.message.zh)).toEqual([]);
    expect(placeOfError(e!.path)).toBeNull();
  });
});
