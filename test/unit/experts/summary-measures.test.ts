// Issue 16: the 综合评价报告 is written under the measures of the cases it ranks (their award and version),
// not the office's default award; an unknown award version is said in words and nothing is exported.
import { describe, expect, it } from 'vitest';
import { summaryMeasures } from '../../../src/experts/summary-measures.ts';
import { lianyungang2021, lianyungang2024Draft, jiangsuGovernor2023 } from '../../../src/awards/index.ts';

const today = () => '2026-12-07';
const panel = (caseId: string) => ({ caseId });
const rec = (id: string, award?: { awardId: string; versionId: string }, createdAt = '2026-03-01T00:00:00Z') => ({ id, createdAt, ...(award ? { award } : {}) });

describe('综合评价报告: the measures of the cases it ranks (issue 16)', () => {
  it('uses the award and version the cases record, not the default award', () => {
    const r = summaryMeasures([panel('a'), panel('b')], [rec('a', { awardId: 'jiangsu-governor', versionId: jiangsuGovernor2023.version.id }), rec('b', { awardId: 'jiangsu-governor', versionId: jiangsuGovernor2023.version.id })], today);
    expect(r.ok && r.pack.id).toBe(jiangsuGovernor2023.id);
  });
  it('a case from before issue 16 is judged by the version in force on its creation', () => {
    const r = summaryMeasures([panel('a')], [rec('a', undefined, '2026-03-01T00:00:00Z')], today);
    expect(r.ok && r.pack.award.id).toBe(lianyungang2021.award.id);
  });
  it('an unknown award version: a message in Chinese and English, no pack', () => {
    const r = summaryMeasures([panel('a')], [rec('a', { awardId: 'lianyungang-mayor', versionId: '2099' })], today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.zh).toMatch(/^综合评价报告未导出：.*未知的奖项版本（lianyungang-mayor\/2099）/);
    expect(r.message.en).toMatch(/^The comprehensive evaluation report was not exported: .*unknown award version \(lianyungang-mayor\/2099\)/);
    expect(r.message.zh).not.toMatch(/Error|undefined/);
  });
  it('cases under different measures are not ranked together: said, not exported', () => {
    const r = summaryMeasures([panel('a'), panel('b')], [rec('a', { awardId: 'lianyungang-mayor', versionId: lianyungang2021.version.id }), rec('b', { awardId: 'lianyungang-mayor', versionId: lianyungang2024Draft.version.id })], today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain('适用不同的办法');
  });
});
