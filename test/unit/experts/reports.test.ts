import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { exportPanelSummaryDocx, exportReviewReportDocx } from '../../../src/export/review-docx.ts';
import type { PanelRecord } from '../../../src/experts/store.ts';
import { book, T0 } from './helpers.ts';

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
});
