import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportPanelSummaryDocx, exportReviewReportDocx } from '../../../src/export/review-docx.ts';
import type { PanelRecord } from '../../../src/experts/store.ts';
import { book, T0 } from './helpers.ts';
import { countyAward } from '../awards/county-pack.ts';
import { lianyungang2021 } from '../../../src/awards/lianyungang-mayor/2021.ts';

const text = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');

describe('评审报告 and 综合评价报告 (.docx)', () => {
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
  it('the review report carries scores, strengths, the conclusion and the change record', async () => {
    const t = text(await exportReviewReportDocx(panel, record));
    for (const s of ['评审报告', '连云港海州精密机械有限公司', '高层领导每月评审关键绩效指标', '资料审查：通过（2026-07-01）', '合议后取中', '32.5']) expect(t).toContain(s);
  });
  it('the comprehensive report ranks, states the 第四条 quotas and proposes a list', async () => {
    const t = text(await exportPanelSummaryDocx([panel], [record]));
    for (const s of ['综合评价报告', '第四条', '不超过 3 个', '市长质量奖：连云港海州精密机械有限公司']) expect(t).toContain(s);
  });
  it('both cite the award they are exported for (issue 16): Lianyungang by default, a county award by its own data', async () => {
    expect(text(await exportReviewReportDocx(panel, record))).toContain('依据：《连云港市市长质量奖管理办法》第十条（三）（四）；GB/T 19580-2012《卓越绩效评价准则》。');
    expect(text(await exportPanelSummaryDocx([panel], [record]))).toContain('依据：《连云港市市长质量奖管理办法》第十条（五）；名额依第四条。');
    // the county pack (test-only) renumbers its lifecycle articles
    const s = (article: string, ref: string, clause?: string) => ({ article, ref, ...(clause ? { clause } : {}) });
    const county = {
      ...countyAward,
      lifecycle: { ...countyAward.lifecycle, sources: { review: s('第四条', '10.3', '(三)'), report: s('第四条', '10.4', '(四)'), publicity: s('第四条', '10.5', '(五)') } },
      quotas: { award: { ...countyAward.quotas.award, source: s('第二条', '4') }, nomination: { ...countyAward.quotas.nomination, source: s('第二条', '4') } },
    };
    const review = text(await exportReviewReportDocx(panel, record, county));
    expect(review).toContain('依据：《测试县县长质量奖管理办法》第四条（三）（四）；GB/T 19580-2012《卓越绩效评价准则》。');
    const summary = text(await exportPanelSummaryDocx([panel], [record], county));
    expect(summary).toContain('依据：《测试县县长质量奖管理办法》第四条（五）；名额依第二条。');
    expect(summary).toContain('县长质量奖：连云港海州精密机械有限公司');
    for (const t of [review, summary]) expect(t.replace(/连云港海州精密机械有限公司/g, '')).not.toMatch(/连云港|市长质量奖|第十条|市质量发展委员会/);
    expect(lianyungang2021.award.shortName.zh).toBe('市长质量奖');
  });
});
