import { daysBetween } from '../../core/dates.ts';
import { applicantKindLabels, caseStageLabels, caseTierLabels, type StaffCaseRow } from '../../staff/rows.ts';
import { Bi, plain, t } from './Bi.tsx';
import { VirtualList } from './VirtualList.tsx';
import { filteredRows, selectedId, today } from './store.ts';

export const ROW_HEIGHT = 40;

function openCase(id: string) {
  selectedId.value = id;
  history.replaceState(null, '', `#case=${encodeURIComponent(id)}`);
}

function CaseRow({ row }: { row: StaffCaseRow }) {
  const days = row.stageSince ? daysBetween(row.stageSince, today.value) : null;
  const selected = selectedId.value === row.id;
  return (
    <button
      type="button"
      class={`case-row stage-${row.stage}${selected ? ' selected' : ''}`}
      data-testid="case-row"
      data-case-id={row.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => openCase(row.id)}
    >
      <span class="c-name" title={row.creditCode ?? undefined}>
        {row.applicantName}
      </span>
      <span class="c-kind">{applicantKindLabels[row.kind].zh}</span>
      <span class="c-rec" title={row.recommender ?? undefined}>
        {row.recommender ?? '—'}
      </span>
      <span class="c-stage">
        <span class={`pill stage-${row.stage}`}>{caseStageLabels[row.stage].zh}</span>
      </span>
      <span class="c-tier">{row.tier ? caseTierLabels[row.tier].zh : ''}</span>
      <span class="c-days" title={plain(t('在当前阶段的天数', 'days in the current stage'))}>
        {days === null || days < 0 ? '' : `${days} 天`}
      </span>
      <span class="c-refused">{row.refusedCount ? <span class="warn-dot" title={plain(t('有被拒绝的事件', 'has refused events'))}>!{row.refusedCount}</span> : ''}</span>
    </button>
  );
}

export function CaseList() {
  const list = filteredRows.value;
  const index = selectedId.value ? list.findIndex((r) => r.id === selectedId.value) : -1;
  return (
    <div class="case-list">
      <div class="case-head" aria-hidden="true">
        <span class="c-name"><Bi text={t('申报主体', 'Applicant')} /></span>
        <span class="c-kind"><Bi text={t('类型', 'Kind')} /></span>
        <span class="c-rec"><Bi text={t('推荐单位', 'Recommender')} /></span>
        <span class="c-stage"><Bi text={t('阶段', 'Stage')} /></span>
        <span class="c-tier"><Bi text={t('奖项', 'Tier')} /></span>
        <span class="c-days"><Bi text={t('停留', 'In stage')} /></span>
        <span class="c-refused" />
      </div>
      {list.length === 0 ? (
        <p class="empty" data-testid="empty-list">
          <Bi text={t('没有符合条件的案件。可调整筛选，或新建 / 导入案件。', 'No cases match. Change the filters, or create / import cases.')} block />
        </p>
      ) : (
        <VirtualList
          items={list}
          rowHeight={ROW_HEIGHT}
          label={plain(t('案件列表', 'Cases'))}
          scrollToIndex={index}
          renderRow={(row) => <CaseRow row={row} />}
        />
      )}
      <div class="list-foot" data-testid="list-count">
        <Bi text={t(`共 ${list.length} 件`, `${list.length} cases`)} />
      </div>
    </div>
  );
}
