import { useSignal } from '@preact/signals';
import { citeWritten } from '../../awards/cite.ts';
import { namesOfCase } from './award-names.ts';
import { Bi, plain, t } from './Bi.tsx';
import { dutiesError, dutyStatusLabels, tasksByCase } from './duties-store.ts';
import { selectedId, tab } from './store.ts';

/** Every awarded case's duties in one list, overdue first, then by due date (第六条 monitoring overview). */
export function DutiesPanel() {
  const openOnly = useSignal(true);
  const rows = [...tasksByCase.value.values()]
    .flatMap(({ entry, tasks }) => tasks.map((task) => ({ entry, task })))
    .filter((r) => !openOnly.value || r.task.status === 'open')
    .sort((a, b) => Number(b.task.overdue) - Number(a.task.overdue) || (a.task.dueOn < b.task.dueOn ? -1 : a.task.dueOn > b.task.dueOn ? 1 : 0));
  const overdue = rows.filter((r) => r.task.overdue).length;
  return (
    <section class="duties-panel" data-testid="duties-panel" aria-label={plain(t('获奖后监督事项', 'Duties after the award'))}>
      <h3>
        <Bi text={t(`获奖后监督事项（逾期 ${overdue} 项）`, `Duties after the award (${overdue} overdue)`)} />
      </h3>
      {dutiesError.value && (
        <p class="error" role="alert"><Bi text={dutiesError.value} /></p>
      )}
      <label class="inline-form">
        <input type="checkbox" checked={openOnly.value} onChange={(e) => (openOnly.value = (e.currentTarget as HTMLInputElement).checked)} />
        <Bi text={t('只显示未办结的事项', 'Open duties only')} />
      </label>
      {rows.length === 0 ? (
        <p class="muted"><Bi text={t('没有需要办理的获奖后监督事项。', 'No duties to show.')} /></p>
      ) : (
        <table class="grid">
          <thead>
            <tr><th><Bi text={t('申报主体', 'Applicant')} /></th><th><Bi text={t('年度', 'Year')} /></th><th><Bi text={t('奖项', 'Tier')} /></th><th><Bi text={t('条款', 'Article')} /></th><th><Bi text={t('事项', 'Duty')} /></th><th><Bi text={t('到期日', 'Due')} /></th><th><Bi text={t('状态', 'Status')} /></th></tr>
          </thead>
          <tbody>
            {rows.slice(0, 500).map(({ entry, task }) => (
              <tr key={`${entry.caseId}:${task.id}`} class={task.overdue ? 'overdue-row' : ''} data-testid="duty-row" data-overdue={task.overdue ? 'true' : 'false'}>
                <td>
                  <button type="button" class="link" onClick={() => ((selectedId.value = entry.caseId), history.replaceState(null, '', `#case=${encodeURIComponent(entry.caseId)}`), (tab.value = 'cases'))}>
                    {entry.applicantName}
                  </button>
                </td>
                <td>{entry.award.year}</td>
                <td><Bi text={namesOfCase(entry.caseId).tiers[entry.award.tier]} /></td>
                <td><Bi text={citeWritten(task.article)} /></td>
                <td><Bi text={task.title} /></td>
                <td class={task.overdue ? 'overdue' : ''}>
                  <span class="mono">{task.dueOn}</span>
                  {task.overdue && <Bi text={t(`（逾期 ${-(task.daysLeft ?? 0)} 天）`, ` (${-(task.daysLeft ?? 0)} ${task.daysLeft === -1 ? 'day' : 'days'} overdue)`)} />}
                </td>
                <td><Bi text={dutyStatusLabels[task.status]} />{task.status !== 'open' && task.closedBy ? ` · ${task.closedBy}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 500 && <p class="muted small"><Bi text={t(`仅显示前 500 项（共 ${rows.length} 项）。`, `First 500 of ${rows.length} shown.`)} /></p>}
    </section>
  );
}
