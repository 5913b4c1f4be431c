import { caseStages, type CaseStage } from '../../../machines/case.stages.ts';
import { applicantKindLabels } from '../../staff/rows.ts';
import { listNames } from './award-names.ts';
import { Bi, plain, t } from './Bi.tsx';
import { Count } from './Count.tsx';
import { filter, recommenders, stageCounts } from './store.ts';

const set = (patch: Partial<typeof filter.value>) => (filter.value = { ...filter.value, ...patch });

/** Counts per stage; a chip is a filter (click again to clear). */
export function StageChips() {
  const counts = stageCounts.value;
  const active = filter.value.stage ?? null;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <nav class="stage-chips" aria-label={plain(t('各阶段案件数', 'Cases per stage'))}>
      <button type="button" class={`chip${active === null ? ' on' : ''}`} aria-pressed={active === null} onClick={() => set({ stage: null })} data-testid="chip-all">
        <span>{plain(t('全部', 'All'))}</span> <Count>{total}</Count>
      </button>
      {caseStages.map((stage: CaseStage) => (
        <button
          type="button"
          key={stage}
          class={`chip stage-${stage}${active === stage ? ' on' : ''}${counts[stage] ? '' : ' zero'}`}
          aria-pressed={active === stage}
          data-testid={`chip-${stage}`}
          title={plain(listNames.value.stages[stage])}
          onClick={() => set({ stage: active === stage ? null : stage })}
        >
          <span>{plain(listNames.value.stages[stage])}</span> <Count testid={`count-${stage}`}>{counts[stage]}</Count>
        </button>
      ))}
    </nav>
  );
}

export function FilterBar() {
  const f = filter.value;
  return (
    <div class="filter-bar" role="search">
      <label class="grow">
        <Bi text={t('搜索', 'Search')} />
        <input
          type="search"
          data-testid="filter-text"
          placeholder={plain(t('名称、信用代码、推荐单位', 'name, credit code, recommender'))}
          value={f.text ?? ''}
          onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label>
        <Bi text={t('阶段', 'Stage')} />
        <select data-testid="filter-stage" value={f.stage ?? ''} onChange={(e) => set({ stage: ((e.currentTarget as HTMLSelectElement).value || null) as CaseStage | null })}>
          <option value="">{plain(t('全部', 'All'))}</option>
          {caseStages.map((s) => (
            <option key={s} value={s}>
              {plain(listNames.value.stages[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <Bi text={t('类型', 'Kind')} />
        <select data-testid="filter-kind" value={f.kind ?? ''} onChange={(e) => set({ kind: ((e.currentTarget as HTMLSelectElement).value || null) as 'organization' | 'individual' | null })}>
          <option value="">{plain(t('全部', 'All'))}</option>
          <option value="organization">{plain(applicantKindLabels.organization)}</option>
          <option value="individual">{plain(applicantKindLabels.individual)}</option>
        </select>
      </label>
      <label>
        <Bi text={t('推荐单位', 'Recommender')} />
        <select data-testid="filter-recommender" value={f.recommender ?? ''} onChange={(e) => set({ recommender: (e.currentTarget as HTMLSelectElement).value || null })}>
          <option value="">{plain(t('全部', 'All'))}</option>
          {recommenders.value.map((r) => (
            <option key={r} value={r} translate={false}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        <Bi text={t('奖项', 'Tier')} />
        <select data-testid="filter-tier" value={f.tier ?? ''} onChange={(e) => set({ tier: ((e.currentTarget as HTMLSelectElement).value || null) as 'award' | 'nomination' | 'none' | null })}>
          <option value="">{plain(t('全部', 'All'))}</option>
          <option value="award">{plain(listNames.value.tiers.award)}</option>
          <option value="nomination">{plain(listNames.value.tiers.nomination)}</option>
          <option value="none">{plain(t('未提名', 'Not proposed'))}</option>
        </select>
      </label>
      {(f.text || f.stage || f.kind || f.recommender || f.tier) && (
        <button type="button" class="link" onClick={() => (filter.value = {})} data-testid="filter-clear">
          {plain(t('清除筛选', 'Clear'))}
        </button>
      )}
    </div>
  );
}
