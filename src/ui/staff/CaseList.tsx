import { daysBetween } from '../../core/calendar.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { applicantKindLabels, type StaffCaseRow } from '../../staff/rows.ts';
import { namesOfCase } from './award-names.ts';
import { Bi, plain, t } from './Bi.tsx';
import { lang } from '../lang.ts';
import { VirtualList } from './VirtualList.tsx';
import { filteredRows, loading, selectedId, today } from './store.ts';
import { overdueByCase } from './duties-store.ts';

export const ROW_HEIGHT = 40;

function openCase(id: string) {
  selectedId.value = id;
  history.replaceState(null, '', `#case=${encodeURIComponent(id)}`);
}

/** One language at a time; 中英对照: Chinese on the line, English small beneath it. */
function Cell({ text, pill }: { text: Bilingual; pill?: string }) {
  if (lang.value !== 'both') {
    const one = lang.value === 'en' ? text.en : text.zh;
    const code = lang.value === 'en' ? 'en' : 'zh-CN';
    return pill ? <span class={pill} lang={code}>{one}</span> : <span lang={code}>{one}</span>;
  }
  return (
    <>
      {pill ? <span class={pill} lang="zh-CN">{text.zh}</span> : <span lang="zh-CN">{text.zh}</span>}{' '}
      <span class="en cell-en" lang="en">
        {text.en}
      </span>
    </>
  );
}

const daysText = (days: number): Bilingual => ({ zh: `${days} 天`, en: days === 1 ? '1 day' : `${days} days` });

/** What a screen reader says for the row: name, then each column in Chinese and English. */
export function CaseRow({ row }: { row: StaffCaseRow }) {
  const days = row.stageSince ? daysBetween(row.stageSince, today.value) : null;
  const selected = selectedId.value === row.id;
  const own = namesOfCase(row.id); // each row in its own case's award (issue 16)
  const stage = own.stages[row.stage];
  const kind = applicantKindLabels[row.kind];
  const tier = row.tier ? own.tiers[row.tier] : null;
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
        <span translate={false}>{row.applicantName}</span>
        {overdueByCase.value.get(row.id) ? (
          <span class="overdue-badge" data-testid="row-overdue">
            {' '}
            <Bi text={t(`逾期 ${overdueByCase.value.get(row.id)}`, `${overdueByCase.value.get(row.id)} overdue`)} />
            <span class="sr-only"><Bi text={t(' 项获奖后事项', overdueByCase.value.get(row.id) === 1 ? ' duty after the award' : ' duties after the award')} /></span>
          </span>
        ) : null}
      </span>
      {' '}
      <span class="c-kind" title={plain(kind)}>
        <Cell text={kind} />
      </span>
      {/* the row's accessible name is its visible text in order; sr-only words give the context the columns give the eye */}
      {' '}
      <span class="c-rec">
        {row.recommender ? (
          <>
            <span class="sr-only"><Bi text={t('推荐单位：', 'Recommender: ')} /></span>
            <span translate={false} title={row.recommender}>{row.recommender}</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span class="sr-only"><Bi text={t('无推荐单位', 'No recommender')} /></span>
          </>
        )}
      </span>
      {' '}
      <span class="c-stage" title={plain(stage)}>
        <Cell text={stage} pill={`pill stage-${row.stage}`} />
      </span>
      {' '}
      <span class="c-tier" title={tier ? plain(tier) : undefined}>
        {tier ? <Cell text={tier} /> : ''}
      </span>
      {' '}
      <span class="c-days" title={days === null || days < 0 ? plain(t('在当前阶段的天数', 'days in the current stage')) : plain({ zh: `在当前阶段 ${days} 天`, en: `${daysText(days).en} in the current stage` })}>
        {days === null || days < 0 ? '' : (
          <>
            <Cell text={daysText(days)} />
            <span class="sr-only"><Bi text={t(' 在当前阶段', ' in this stage')} /></span>
          </>
        )}
      </span>
      {' '}
      <span class="c-refused">
        {row.refusedCount ? (
          <span class="warn-dot" title={plain(t('有未生效的事件', 'has refused events'))}>
            !{row.refusedCount}
            <span class="sr-only"><Bi text={t(' 个未生效的事件', row.refusedCount === 1 ? ' refused event' : ' refused events')} /></span>
          </span>
        ) : (
          ''
        )}
      </span>
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
        <span class="c-days"><Bi text={t('停留天数', 'In stage')} /></span>
        <span class="c-refused" />
      </div>
      {list.length === 0 && loading.value !== null ? (
        <p class="empty" role="status">
          <Bi text={t('正在载入案件…', 'Loading cases…')} block />
        </p>
      ) : list.length === 0 ? (
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
        {loading.value !== null ? (
          <Bi text={t(`已载入 ${list.length} 件，加载中…`, `${list.length} cases so far, loading…`)} />
        ) : (
          <Bi text={t(`共 ${list.length} 件`, `${list.length} cases`)} />
        )}
      </div>
    </div>
  );
}
