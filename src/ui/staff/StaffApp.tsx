import { citeWritten } from '../../core/articles.ts';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { todayInChina } from '../../core/calendar.ts';
import { formatYuan } from '../../staff/derive.ts';
import { Bi, plain, t } from './Bi.tsx';
import { CaseList } from './CaseList.tsx';
import { daysUntil, deadlineOf, loadDeadline } from './deadline.ts';
import { FilterBar, StageChips } from './FilterBar.tsx';
import { clampListWidth, defaultListWidth, listWidth, Splitter } from './Splitter.tsx';
import {
  filteredRows,
  followRecordChanges,
  loadError,
  loading,
  rewardsOfYear,
  runningBans,
  selectedCase,
  selectedId,
  tab,
  toast,
  policy,
  today,
  year,
  years,
  yearState,
} from './store.ts';
import { awardedCases, loadDuties, overdueTotal } from './duties-store.ts';
import { Count } from './Count.tsx';
import { tierTitlesFor } from '../../../machines/case.stages.ts';
import { lazyPanel } from './lazy.tsx';
import type { Bilingual } from '../../core/i18n.ts';
import type { SharingStatus } from '../../sharing/config.ts';

// What the first rows do not need comes from its own file when first shown (issue 14: first rows at 10,000 cases).
const CaseViewPanel = lazyPanel(() => import('./CaseView.tsx').then((m) => m.CaseViewPanel));
const YearOverview = lazyPanel(() => import('./YearOverview.tsx').then((m) => m.YearOverview));
const DutiesPanel = lazyPanel(() => import('./DutiesPanel.tsx').then((m) => m.DutiesPanel));
const BansPanel = lazyPanel(() => import('./BansPanel.tsx').then((m) => m.BansPanel));
const NewCaseForm = lazyPanel(() => import('./NewCaseForm.tsx').then((m) => m.NewCaseForm));
const ImportDialog = lazyPanel(() => import('./ImportExport.tsx').then((m) => m.ImportDialog));
const ConflictScreen = lazyPanel(() => import('./ConflictScreen.tsx').then((m) => m.ConflictScreen));
const SharedDrafts = lazyPanel(() => import('./SharedDrafts.tsx').then((m) => m.SharedDrafts));
const exportFailed = () => void (toast.value = { kind: 'error', text: t('导出未能完成，请刷新页面后重试。', 'The export could not be made; reload the page and try again.') });
const exporting = (run: (m: typeof import('./ImportExport.tsx')) => unknown) => () => void import('./ImportExport.tsx').then(run).catch(exportFailed);
const exportCsv = exporting((m) => m.exportCsv());
const exportXlsx = exporting((m) => m.exportXlsx());
const exportJson = exporting((m) => m.exportJson());

function caseFromHash(): string | null {
  const m = /^#case=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

function SummaryStrip() {
  const s = yearState.value.summary;
  const y = year.value ?? 0;
  useEffect(() => void loadDeadline(y), [y]);
  const d = deadlineOf(y);
  const left = d ? daysUntil(d.date, today.value) : null;
  // the office's award names its tiers (issue 16), one language at a time (issue 13)
  const tiers = tierTitlesFor(policy.award);
  return (
    <div class="summary-strip" data-testid="summary-strip">
      {s && (
        <span data-testid="strip-award">
          <Bi text={tiers.award} /> <b>{s.award.used}</b>/{s.award.max}
        </span>
      )}
      {s && (
        <span data-testid="strip-nomination">
          <Bi text={tiers.nomination} /> <b>{s.nomination.used}</b>/{s.nomination.max}
        </span>
      )}
      <span>
        <Bi text={t('申报截止', 'Deadline')} />{' '}
        {d ? (
          <b class={left !== null && left >= 0 && left <= 14 ? 'warn' : ''}>
            {d.date}
            {left !== null && <Bi text={left >= 0 ? t(`（还剩 ${left} 天）`, ` (${left} ${left === 1 ? 'day' : 'days'} left)`) : t('（已截止）', ' (closed)')} />}
          </b>
        ) : (
          <span class="muted"><Bi text={t('未设置', 'not set')} /></span>
        )}
      </span>
      <span>
        <Bi text={t('奖励', 'Rewards')} /> <Count><Bi text={formatYuan(rewardsOfYear.value.totalYuan)} /></Count>
      </span>
      <button type="button" class="link" onClick={() => (tab.value = 'bans')}>
        <Bi text={t('禁申与锁定', 'Bans and locks')} /> <Count>{runningBans.value.length}</Count>
      </button>
      <button type="button" class={`link${overdueTotal.value ? ' overdue' : ''}`} data-testid="strip-overdue" onClick={() => (tab.value = 'duties')}>
        <Bi text={t('监督事项逾期', 'Overdue duties')} /> <Count>{overdueTotal.value}</Count>
      </button>
      {s && s.violations.length > 0 && (
        <span class="error-chip" title={s.violations.map((v) => v.reason).join('\n')}>
          <Bi text={t(`超出名额（${citeWritten(s.violations[0]!.article).zh}）`, `Over the quota (${citeWritten(s.violations[0]!.article).en})`)} />
        </span>
      )}
    </div>
  );
}

export function StaffApp() {
  const dialog = useSignal<'new' | 'import' | 'conflicts' | 'drafts' | null>(null);
  // issue 20: shared records changed on two computers wait here for a person (the screen loads on demand)
  const conflictCount = useSignal(0);
  // issue 20: drafts applicants chose to share reach the office's and the recommenders' accounts
  const receivesDrafts = useSignal(false);
  // issue 20: whether sharing runs, how far a first replication is, when it last completed (nothing when off)
  const sharing = useSignal<Bilingual | null>(null);
  const sharingState = useSignal('off');
  useEffect(() => {
    let live = true;
    let stop = () => undefined as void;
    // the line's texts load with the status module, after the first paint (not in the page's initial JS)
    void Promise.all([import('../../sharing/config.ts'), import('./sharing-line.ts')]).then(([m, { sharingLine }]) => {
      if (!live) return;
      const take = (s: SharingStatus) => ((conflictCount.value = s.conflicts.length), (receivesDrafts.value = s.role === 'clerk' || s.role === 'recommender'), (sharing.value = sharingLine(s)), (sharingState.value = s.state));
      void m.getSharingStatus().then((s) => live && take(s));
      stop = m.onSharingStatus(take);
    });
    return () => ((live = false), stop());
  }, []);
  const pageWidth = useSignal(innerWidth);

  useEffect(() => {
    selectedId.value = caseFromHash(); // the cases load from main.tsx, before the first render
    const onHash = () => (selectedId.value = caseFromHash());
    addEventListener('hashchange', onHash);
    const onResize = () => (pageWidth.value = innerWidth);
    addEventListener('resize', onResize);
    // The date in China moves on at midnight: keep "today" (deadlines, days in stage) current.
    const timer = setInterval(() => (today.value = todayInChina()), 60_000);
    return () => (removeEventListener('hashchange', onHash), removeEventListener('resize', onResize), clearInterval(timer));
  }, []);

  // issue 15: another staff tab (or the portal status page) recording on a case refreshes it here
  useEffect(() => followRecordChanges(), []);

  useEffect(() => {
    if (!toast.value) return;
    const id = setTimeout(() => (toast.value = null), 4000);
    return () => clearTimeout(id);
  }, [toast.value]);

  // The recorded duties of every year that has awarded cases (overdue counts in the header and list).
  const awardYears = [...new Set(awardedCases.value.map((a) => a.award.year))].sort().join(',');
  useEffect(() => {
    if (awardYears) void loadDuties(awardYears.split(',').map(Number));
  }, [awardYears]);

  // A case opened by link may belong to another year: follow it.
  const sel = selectedCase.value;
  useEffect(() => {
    if (sel && sel.header.year !== year.value) year.value = sel.header.year;
  }, [sel?.header.id]);

  const busy = loading.value;
  // once every case is in, the case view is fetched ahead so opening a case does not wait for it
  useEffect(() => {
    if (busy === null) void CaseViewPanel.preload().catch(() => undefined);
  }, [busy === null]);
  return (
    <div class={`staff${sel ? ' has-case' : ''}`}>
      <header class="topbar">
        <h1>
          <Bi text={t('质量奖评审工作台', 'Staff console')} />
        </h1>
        <label class="year">
          <span><Bi text={t('年度', 'Year')} /></span>
          <select data-testid="year-select" value={String(year.value ?? '')} onChange={(e) => ((year.value = Number((e.currentTarget as HTMLSelectElement).value)), (selectedId.value = null))}>
            {years.value.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <nav class="tabs" role="tablist">
          {(
            [
              ['cases', t('案件', 'Cases')],
              ['year', t('年度概况', 'Year overview')],
              ['bans', t('禁申与锁定', 'Bans and locks')],
              ['duties', t('获奖后监督', 'After the award')],
            ] as const
          ).map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab.value === id} class={tab.value === id ? 'on' : ''} data-testid={`tab-${id}`} title={plain(label)} onClick={() => (tab.value = id)}>
              <Bi text={label} />
            </button>
          ))}
        </nav>
        <div class="actions">
          <button type="button" class="primary" data-testid="new-case" onClick={() => (dialog.value = 'new')}>
            <Bi text={t('新建案件', 'New case')} />
          </button>
          <button type="button" data-testid="import-open" onClick={() => (dialog.value = 'import')}>
            <Bi text={t('导入', 'Import')} />
          </button>
          <button type="button" data-testid="export-csv" title={plain(t('导出当前筛选出的案件，可用 Excel 直接打开', 'Export the filtered cases (opens in Excel)'))} onClick={exportCsv} disabled={filteredRows.value.length === 0}>
            <Bi text={t('导出 CSV', 'Export CSV')} />
          </button>
          <button type="button" data-testid="export-xlsx" title={plain(t('将当前筛选出的案件导出为 Excel 工作簿（代码按文本、日期按日期保存）', 'Export the filtered cases as an Excel workbook (codes kept as text, dates as dates)'))} onClick={exportXlsx} disabled={filteredRows.value.length === 0}>
            <Bi text={t('导出 Excel', 'Export Excel')} />
          </button>
          <button type="button" data-testid="export-json" title={plain(t('导出当前筛选出的案件及其全部办理记录，可再导入本工作台', 'Export the filtered cases with their full records, for importing into another console'))} onClick={exportJson} disabled={filteredRows.value.length === 0}>
            <Bi text={t('导出 JSON', 'Export JSON')} />
          </button>
          {/* issue 18: the expert panel's consensus page lives on its own page */}
          <a class="button-link" data-testid="open-expert-panel" href="/experts.html#office" target="_blank" rel="noopener">
            <Bi text={t('专家评审', 'Expert panel')} />
          </a>
          {conflictCount.value > 0 && (
            <button type="button" class="warn" data-testid="open-conflicts" onClick={() => (dialog.value = 'conflicts')}>
              <Bi text={t(`待处理的冲突 ${conflictCount.value}`, `Conflicts to settle: ${conflictCount.value}`)} />
            </button>
          )}
          {receivesDrafts.value && (
            <button type="button" data-testid="open-shared-drafts" onClick={() => (dialog.value = 'drafts')}>
              <Bi text={t('共享的申报草稿', 'Shared drafts')} />
            </button>
          )}
          <a class="button-link" data-testid="open-help" href="/help.html#clerk" target="_blank" rel="noopener">
            <Bi text={t('帮助', 'Help')} />
          </a>
        </div>
      </header>
      {sharing.value && (
        <p class="sharing-line" role="status" data-testid="staff-sharing" data-state={sharingState.value}>
          <Bi text={sharing.value} />
        </p>
      )}
      <SummaryStrip />
      {loadError.value && (
        <p class="error banner" role="alert">
          <Bi text={loadError.value} block />
        </p>
      )}
      {busy && busy.total > 0 && (
        <p class="loading" role="status" data-testid="loading">
          <Bi text={t(`正在载入案件 ${busy.done} / ${busy.total}…`, `Loading cases ${busy.done} / ${busy.total}…`)} />
        </p>
      )}
      {tab.value === 'cases' && !loadError.value && (
        <main class="cases-tab">
          <StageChips />
          <FilterBar />
          <div class="split" style={sel ? { gridTemplateColumns: `${clampListWidth(listWidth.value ?? defaultListWidth(pageWidth.value - 28), pageWidth.value - 28)}px 10px minmax(0, 1fr)` } : undefined}>
            <CaseList />
            {sel && <Splitter total={pageWidth.value - 28} />}
            {sel ? (
              <CaseViewPanel />
            ) : (
              <div class="placeholder">
                <Bi text={t('在左侧选择一个案件，可查看办理流程图和事件记录，并记录决定。', 'Choose a case on the left to see its procedure diagram and history and to record decisions.')} block />
              </div>
            )}
          </div>
        </main>
      )}
      {tab.value === 'year' && (
        <main>
          <YearOverview />
        </main>
      )}
      {tab.value === 'duties' && (
        <main>
          <DutiesPanel />
        </main>
      )}
      {tab.value === 'bans' && (
        <main>
          <BansPanel />
        </main>
      )}
      {dialog.value && (
        <div
          class="modal"
          role="dialog"
          aria-modal="true"
          aria-label={plain(dialog.value === 'new' ? t('新建案件', 'New case') : dialog.value === 'conflicts' ? t('共享记录的冲突', 'Conflicts in shared records') : dialog.value === 'drafts' ? t('共享的申报草稿', 'Shared drafts') : t('导入案件', 'Import cases'))}
          onKeyDown={(e) => e.key === 'Escape' && (dialog.value = null)}>
          {dialog.value === 'new' ? <NewCaseForm onClose={() => (dialog.value = null)} /> : dialog.value === 'conflicts' ? <ConflictScreen onClose={() => (dialog.value = null)} /> : dialog.value === 'drafts' ? <SharedDrafts onClose={() => (dialog.value = null)} /> : <ImportDialog onClose={() => (dialog.value = null)} />}
        </div>
      )}
      {toast.value && (
        <div class={`toast ${toast.value.kind}`} role="status" data-testid="toast">
          <Bi text={toast.value.text} />
        </div>
      )}
    </div>
  );
}
