import { describe, expect, it } from 'vitest';
import { exportScorebook } from '../../../src/experts/index.ts';
import { applyImport, previewImport } from '../../../src/ui/experts/import-scorebooks.ts';
import { book, T0 } from './helpers.ts';

const cases = [{ id: 'case-1', year: 2026, kind: 'organization' as const, applicantName: '连云港海州精密机械有限公司', createdAt: T0 }];

describe('scorebook import preview', () => {
  it('matches files to cases; a damaged file or an unknown applicant is refused with a Chinese reason and applyImport refuses to write', async () => {
    const a = { ...book('a', { '4.1.2': 50 }), subject: { ...book('a', {}).subject, caseId: null } };
    const good = JSON.stringify(await exportScorebook(a));
    const other = JSON.stringify(await exportScorebook({ ...book('b', {}), subject: { ...a.subject, applicantName: '别的公司' } }));
    const rows = await previewImport([{ name: 'a.json', text: good }, { name: 'bad.json', text: good.replace('"percent":50', '"percent":55') }, { name: 'o.json', text: other }], cases, []);
    expect(rows.map((r) => r.ok)).toEqual([true, false, false]);
    expect(rows[1]!.ok || rows[1]!.errors[0]!.zh).toContain('校验和不符');
    expect(rows[2]!.ok || rows[2]!.errors[0]!.zh).toContain('找不到与评分册对应的案件');
    expect(() => applyImport(rows, [])).toThrow();
    const ok = applyImport([rows[0]!], []);
    expect(ok.map((p) => [p.caseId, p.scorebooks.length])).toEqual([['case-1', 1]]);
  });
});
