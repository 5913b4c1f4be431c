import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCEL_CSV_BOM, excelCsvCell, toExcelCsv } from '../../../src/staff/csv.ts';
import { casesToCsv, caseCsvHeaders } from '../../../src/staff/export-csv.ts';
import type { StaffCaseRow } from '../../../src/staff/rows.ts';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith(EXCEL_CSV_BOM) ? 1 : 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

const row = (over: Partial<StaffCaseRow> = {}): StaffCaseRow => ({
  id: 'c-1',
  year: 2026,
  kind: 'organization',
  applicantName: '连云港某某制药有限公司',
  creditCode: '91320700MA1XXXXX0X',
  recommender: '海州区人民政府',
  stage: 'material-review',
  tier: null,
  stageSince: '2026-07-01',
  eventCount: 3,
  refusedCount: 0,
  ...over,
});

describe('Excel-safe CSV', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toExcelCsv([['a', 'b'], ['c', 'd']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF"a","b"\r\n"c","d"\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('quotes every field and doubles inner quotes; commas and newlines stay inside the cell', () => {
    expect(excelCsvCell('他说"好"')).toBe('"他说""好"""');
    expect(readCsv(toExcelCsv([['a,b', 'line1\nline2', '中文，全角']]))).toEqual([['a,b', 'line1\nline2', '中文，全角']]);
  });

  it.each(['=1+2', '+86 518', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","点我")'])(
    'prefixes the formula-looking cell %j with a single quote',
    (text) => {
      expect(readCsv(toExcelCsv([[text]]))[0]![0]).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text and numbers alone (a negative number we write is data)', () => {
    expect(readCsv(toExcelCsv([['连云港', 'a=b', -3, 2026, null]]))).toEqual([['连云港', 'a=b', '-3', '2026', '']]);
  });

  it('round-trips any text: nothing lost, and no cell starts like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = readCsv(toExcelCsv(rows));
        expect(back.length).toBe(rows.length);
        back.forEach((r, i) =>
          r.forEach((cell, j) => {
            const original = rows[i]![j]!;
            expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }),
        );
      }),
    );
  });

  it('exports cases with bilingual headers and Chinese intact', () => {
    const csv = casesToCsv([row(), row({ id: 'c-2', applicantName: '=cmd|calc', kind: 'individual', stage: 'awarded', tier: 'award' })]);
    const table = readCsv(csv);
    expect(table[0]).toEqual([...caseCsvHeaders]);
    expect(table[1]).toEqual(['c-1', '2026', '连云港某某制药有限公司', '91320700MA1XXXXX0X', '组织', '海州区人民政府', '资料审查', '', '2026-07-01', '', '3', '0']);
    expect(table[2]![2]).toBe("'=cmd|calc");
    expect(table[2]![4]).toBe('个人');
    expect(table[2]![6]).toBe('已获奖');
    expect(table[2]![7]).toBe('市长质量奖');
  });
});
