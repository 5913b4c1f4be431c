import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCasesFile, parseCasesFile, CASES_FILE_FORMAT } from '../../../src/staff/cases-file.ts';

const goodCase = (id = 'c-1') => ({
  header: { id, year: 2026, kind: 'organization', applicantName: '连云港某某制药有限公司', creditCode: '913207006089012330', recommender: '海州区人民政府' },
  events: [
    { event: { type: 'apply', on: '2026-05-10', kind: 'organization' }, recordedBy: 'staff' },
    { event: { type: 'recommend', on: '2026-06-01', by: '海州区人民政府' }, recordedBy: 'staff', recordedAt: '2026-06-01T08:00:00.000Z' },
  ],
});

const file = (cases: unknown[]) => JSON.stringify({ format: CASES_FILE_FORMAT, cases });

describe('cases file import validation', () => {
  it('accepts a good file, with or without a BOM', () => {
    const r = parseCasesFile('\uFEFF' + file([goodCase()]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.cases[0]!.events[1]!.event).toEqual({ type: 'recommend', on: '2026-06-01', by: '海州区人民政府' });
  });

  it('refuses text that is not JSON with a bilingual message', () => {
    const r = parseCasesFile('{not json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.message.zh).toMatch(/不是有效的 JSON/);
      expect(r.errors[0]!.message.en).toMatch(/Not a valid JSON file/);
    }
  });

  it('refuses another format and names the field', () => {
    const r = parseCasesFile(JSON.stringify({ format: 'lyg-award/application@1', cases: [] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.path).toBe('format');
      expect(r.errors[0]!.message.zh).toContain('lyg-award/cases@1');
    }
  });

  it('names the exact path of a bad event date, in zh and en', () => {
    const bad = goodCase();
    (bad.events[1]!.event as { on: string }).on = '2026-02-30';
    const r = parseCasesFile(file([goodCase('c-0'), bad]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toContain('cases[1].events[1].event.on');
      const e = r.errors.find((x) => x.path === 'cases[1].events[1].event.on')!;
      expect(e.message.zh).toMatch(/日/);
      expect(e.message.en).toMatch(/date/);
    }
  });

  it('refuses unknown event types, a bad credit code check character and duplicate ids', () => {
    const unknownEvent = goodCase();
    (unknownEvent.events[0]!.event as { type: string }).type = 'teleport';
    const badCode = goodCase('c-2');
    badCode.header.creditCode = '91320700608901233X';
    const r = parseCasesFile(file([unknownEvent, badCode, goodCase('c-2')]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toContain('cases[0].events[0].event.type');
      expect(paths).toContain('cases[1].header.creditCode');
      expect(paths).toContain('cases[2].header.id');
      expect(r.errors.find((e) => e.path === 'cases[2].header.id')!.message.en).toMatch(/duplicate case id: c-2/);
    }
  });

  it('accepts a lower-case credit code and upper-cases it', () => {
    const c = goodCase();
    c.header.creditCode = c.header.creditCode.toLowerCase();
    const r = parseCasesFile(file([c]));
    expect(r.ok && r.file.cases[0]!.header.creditCode).toBe('913207006089012330');
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) => {
        const r = parseCasesFile(input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const e of r.errors) expect(e.message.zh && e.message.en).toBeTruthy();
      }),
    );
  });

  it('round-trips: export then import gives the same headers and events', () => {
    const parsed = parseCasesFile(file([goodCase('a'), goodCase('b')]));
    if (!parsed.ok) throw new Error('fixture');
    const text = buildCasesFile(parsed.file.cases, '2026-11-26T00:00:00.000Z');
    const again = parseCasesFile(text);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.file.cases).toEqual(parsed.file.cases);
    expect(JSON.parse(text).format).toBe('lyg-award/cases@1');
  });
});

describe('bilingual messages', () => {
  it('splits "中文 / English" and "中文）/ English" at the first Chinese→English slash', async () => {
    const { splitBilingualMessage } = await import('../../../src/staff/cases-file.ts');
    expect(splitBilingualMessage('年度必须是数字 / year must be a number')).toEqual({ zh: '年度必须是数字', en: 'year must be a number' });
    expect(splitBilingualMessage('不是有效的日历日期：2026-02-30（应为 YYYY-MM-DD，例如 2021-04-26）/ not a real calendar date: 2026-02-30 (use YYYY-MM-DD)')).toEqual({
      zh: '不是有效的日历日期：2026-02-30（应为 YYYY-MM-DD，例如 2021-04-26）',
      en: 'not a real calendar date: 2026-02-30 (use YYYY-MM-DD)',
    });
    expect(splitBilingualMessage('no chinese here / at all')).toEqual({ zh: 'no chinese here / at all', en: 'no chinese here / at all' });
  });
});
