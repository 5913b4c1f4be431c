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
    // written in the page's language (one language at a time): the Chinese report is the one filed
    lang: lang.value === 'en' ? 'en' : 'zh',
  });
  const locale = report.lang === 'zh' ? 'zh-CN' : 'en-GB';
  const save = async (kind: 'docx' | 'xlsx') => {
    busy.value = true;
    problem.value = null;
    try {
      const bytes = kind === 'docx' ? await yearReportDocx(report) : await yearReportXlsx(report);
      const type = kind === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      downloadFile(bytes, `${report.title.replace(/[:\\/?*"<>|]/g, ' ').replace(/\s+/g, ' ').trim()} ${today.value.replace(/-/g, '')}.${kind}`, type);
    } catch (err) {
      problem.value = t(`报告生成失败：${String(err)}`, `The report could not be made: ${String(err)}`);
    } finally {
      busy.value = false;
    }
  };
  return (
    <section class="year-report" data-testid="year-report" aria-label={plain(t('年度评审工作报告', 'Year report'))}>
      <h3>{report.title}</h3>
      <div class="inline-form">
        <button type="button" class="primary" disabled={busy.value} onClick={() => save('docx')} data-testid="year-report-docx">
          <Bi text={t('下载 Word（.docx）', 'Download Word (.docx)')} />
        </button>
        <button type="button" disabled={busy.value} onClick={() => save('xlsx')} data-testid="year-report-xlsx">
          <Bi text={t('下载 Excel（.xlsx）', 'Download Excel (.xlsx)')} />
        </button>
        <span class="muted small">{report.asOf}</span>
      </div>
      {problem.value && <p class="error" role="alert"><Bi text={problem.value} /></p>}
      <div class="report-sections">
        {report.sections.map((s) => (
          <div key={s.title} class="report-section">
            <h4>{s.title}</h4>
            {s.rows.length === 0 ? (
              <p class="muted small">{report.none}</p>
            ) : (
              <table class="grid small">
                <thead>
                  <tr>{s.head.map((h) => <th key={h}>{h}</th>)}</tr>
                </thead>
                <tbody>
                  {s.rows.slice(0, 12).map((r, i) => (
                    <tr key={i}>{r.map((v, j) => <td key={j} class={typeof v === 'number' ? 'num' : String(v).length <= 12 ? 'short' : ''}>{typeof v === 'number' ? v.toLocaleString(locale) : v}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            )}
            {s.rows.length > 12 && <p class="muted small"><Bi text={t(`以上为前 12 行，其余 ${s.rows.length - 12} 行见下载的报告。`, `The first 12 rows; the other ${s.rows.length - 12} are in the downloaded report.`)} /></p>}
          </div>
        ))}
      </div>
    </section>
  );
}
