import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportPanelSummaryDocx, exportReviewReportDocx } from '../../../src/export/review-docx.ts';
import type { PanelRecord } from '../../../src/experts/store.ts';
import { book, T0 } from './helpers.ts';
import { jiangsuGovernor2023, lianyungang2021 } from '../../../src/awards/index.ts';

const text = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');

const panel: PanelRecord = {
  caseId: 'case-1', margin: 20, version: 0,
  scorebooks: [
    { ...book('a', { '4.1.2': 50 }), events: [...book('a', { '4.1.2': 50 }).events, { id: 's1', expert: 'a', at: T0, type: 'comment', item: '4.1.2', field: 'strengths', text: '高层领导每月评审关键绩效指标' }] },
    book('b', { '4.1.2': 80 }),
  ],
  events: [{ id: 'c1', by: '办公室', at: T0, type: 'consensus', item: '4.1.2', percent: 65, rationale: '合议后取中' }],
  recorded: [{ type: 'pass-material-review', on: '2026-07-01', at: T0 }, { type: 'complete-site-review', on: '2026-08-01', at: T0 }],
};
const record = { id: 'case-1', applicantName: '连云港海州精密机械有限公司', kind: 'organization' as const, year: 2026 };

describe('评审报告 and 综合评价报告 (.docx)', () => {
  it('the review report carries scores, strengths, the conclusion and the change record', async () => {
    const t = text(await exportReviewReportDocx(panel, record));
    for (const s of ['评审报告', '连云港海州精密机械有限公司', '高层领导每月评审关键绩效指标', '资料审查：通过（2026-07-01）', '合议后取中', '32.5']) expect(t).toContain(s);
  });
  it('the comprehensive report ranks, states the 第四条 quotas and proposes a list', async () => {
    const t = text(await exportPanelSummaryDocx([panel], [record], lianyungang2021));
    for (const s of ['综合评价报告', '第四条', '不超过 3 个', '市长质量奖：连云港海州精密机械有限公司']) expect(t).toContain(s);
  });
});

describe('the reports take every award word and number from the case’s award data', () => {
  const jsPanel: PanelRecord = {
    caseId: 'case-js', margin: 20, version: 0,
    scorebooks: [book('a', { '4.1.2': 70 }), book('b', { '4.1.2': 70 })].map((b) => ({ ...b, subject: { ...b.subject, caseId: 'case-js' } })),
    events: [],
    recorded: [{ type: 'pass-material-review', on: '2026-07-01', at: T0 }, { type: 'complete-site-review', on: '2026-08-01', at: T0 }],
  };
  const jsRecord = { id: 'case-js', applicantName: '苏州某精密制造有限公司', kind: 'organization' as const, year: 2026, award: { awardId: 'jiangsu-governor', versionId: '2023' } };
  it('a Jiangsu case: the 综合评价报告 names the Governor award, its office and its quota article, and no Lianyungang word', async () => {
    const t = text(await exportPanelSummaryDocx([jsPanel], [jsRecord], jiangsuGovernor2023));
    for (const s of ['综合评价报告', '江苏省省长质量奖', '第三条', '不超过 10 个', '省长质量奖：苏州某精密制造有限公司', jiangsuGovernor2023.award.terms.office.zh]) expect(t).toContain(s);
    for (const s of ['连云港', '市长质量奖', '第四条', '市质量发展委员会']) expect(t).not.toContain(s);
  });
  it('a Jiangsu case: the 评审报告 cites the Jiangsu measures, not Lianyungang’s', async () => {
    const t = text(await exportReviewReportDocx(jsPanel, jsRecord));
    expect(t).toContain('江苏省省长质量奖管理办法');
    expect(t).not.toContain('连云港');
  });
  it('only the cases of the report’s award are ranked', async () => {
    const t = text(await exportPanelSummaryDocx([panel, jsPanel], [record, jsRecord], lianyungang2021));
    expect(t).toContain('连云港海州精密机械有限公司');
    expect(t).not.toContain('苏州某精密制造有限公司');
  });
});
