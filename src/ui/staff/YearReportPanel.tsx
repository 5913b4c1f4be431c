import { useSignal } from '@preact/signals';
import type { Bilingual } from '../../core/i18n.ts';
import { stageCountsFor } from '../../staff/rows.ts';
import { buildYearReport, yearReportDocx, yearReportXlsx } from '../../staff/year-report.ts';
import { downloadFile } from '../download.ts';
import { Bi, plain, t } from './Bi.tsx';
import { lang } from '../lang.ts';
import { tasksByCase } from './duties-store.ts';
import { allBans, packOfCase, policy, rewardsOfYear, rows, today, year, yearState } from './store.ts';
import type { AwardPack } from '../../policy/schema.ts';
import type { StaffCaseRow } from '../../staff/rows.ts';

/** 年度评审工作报告 of the selected year: shown as tables, downloadable as .docx and .xlsx. */
export function YearReportPanel() {
  const busy = useSignal(false);
  const problem = useSignal<Bilingual | null>(null);
  const y = year.value;
  if (y === null) return null;
  // the year's cases grouped by the award each is judged by (issue 16)
  const byPack = new Map<AwardPack, StaffCaseRow[]>();
  for (const r of rows.value) {
    if (r.year !== y) continue;
    const p = packOfCase(r.id) ?? policy;
    const list = byPack.get(p);
    if (list) list.push(r);
    else byPack.set(p, [r]);
  }
  const report = buildYearReport({
    year: y,
    today: today.value,
    stageCounts: stageCountsFor(rows.value, { year: y }),
    summary: yearState.value.summary,
    quotaArticle: policy.quotas.award.source.article,
    rewards: rewardsOfYear.value,
    rewardArticle: policy.rewards.source.article,
    pack: policy,
    stageCountsByAward: [...byPack].map(([pack, list]) => ({ pack, counts: stageCountsFor(list, { year: y }) })),
    packOfCase,
    bans: allBans.value,
    duties: [...tasksByCase.value.values()].filter((x) => x.entry.award.year === y).map((x) => ({ applicantName: x.entry.applicantName, tasks: x.tasks })),
  });
  const save = async (kind: 'docx' | 'xlsx') => {
    busy.value = true;
    problem.value = null;
    try {
      const bytes = kind === 'docx' ? await yearReportDocx(report) : await yearReportXlsx(report);
      const type = kind === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      downloadFile(bytes, `${report.title}-${today.value.replace(/-/g, '')}.${kind}`, type);
    } catch (err) {
      problem.value = t(`报告生成失败：${String(err)}`, `The report could not be made: ${String(err)}`);
    } finally {
      busy.value = false;
    }
  };
  return (
    <section class="year-report" data-testid="year-report" aria-label={plain(t('年度评审工作报告', 'Year report'))}>
      <h3>
        <Bi text={t(report.title, `Year report ${y}`)} />
      </h3>
      <div class="inline-form">
        <button type="button" class="primary" disabled={busy.value} onClick={() => save('docx')} data-testid="year-report-docx">
          <Bi text={t('下载 Word（.docx）', 'Download Word (.docx)')} />
        </button>
        <button type="button" disabled={busy.value} onClick={() => save('xlsx')} data-testid="year-report-xlsx">
          <Bi text={t('下载 Excel（.xlsx）', 'Download Excel (.xlsx)')} />
        </button>
        <span class="muted small"><Bi text={t(`统计截至 ${report.generatedOn}`, `Figures as of ${report.generatedOn}`)} /></span>
      </div>
      {problem.value && <p class="error" role="alert"><Bi text={problem.value} /></p>}
      {/* the report is the office's Chinese document (公文): its preview stays in Chinese, said once in English */}
      <p class="muted small" hidden={lang.value !== 'en'}>The report is written in Chinese, as it is filed; the preview below shows its tables.</p>
      <div class="report-sections" lang="zh-CN">
        {report.sections.map((s) => (
          <div key={s.title} class="report-section">
            <h4>{s.title}</h4>
            {s.rows.length === 0 ? (
              <p class="muted small">无。</p>
            ) : (
              <table class="grid small">
                <thead>
                  <tr>{s.head.map((h) => <th key={h}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {s.rows.slice(0, 12).map((r, i) => (
                    <tr key={i}>{r.map((v, j) => <td key={j} class={typeof v === 'number' ? 'num' : ''}>{typeof v === 'number' ? v.toLocaleString('zh-CN') : v}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            )}
            {s.rows.length > 12 && <p class="muted small">另有 {s.rows.length - 12} 行，见下载的报告。</p>}
          </div>
        ))}
      </div>
    </section>
  );
}
