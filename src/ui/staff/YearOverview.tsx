import { citeArticle } from '../../core/articles.ts';
import { caseEventLabelsFor } from '../../staff/event-labels.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { isIsoDate } from '../../core/calendar.ts';
import type { QuotaTally } from '../../cases/year.ts';
import { applicantKindLabels } from '../../staff/rows.ts';
import { listNames, namesOfCase } from './award-names.ts';
import { formatYuan } from '../../staff/derive.ts';
import { Bi, t } from './Bi.tsx';
import { LifecycleDiagram } from './LifecycleDiagram.tsx';
import { YearReportPanel } from './YearReportPanel.tsx';
import { daysUntil, deadlineOf, loadDeadline, saveDeadline } from './deadline.ts';
import { citeIn } from '../../awards/cite.ts';
import { knownPack } from '../../awards/index.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { tierTitlesFor } from '../../../machines/case.stages.ts';
import { filter, policy, rewardsOfYear, selectedId, stageCounts, tab, today, year, yearState } from './store.ts';

/**
 * One tier's 第四条 places. `of`: another award counted apart in the same year (issue 16: a Jiangsu
 * case beside Lianyungang's), with its own numbers, article and names; left out, the office's award.
 */
function Quota({ tier, tally, of }: { tier: 'award' | 'nomination'; tally: QuotaTally; of?: AwardPack }) {
  const pack = of ?? policy;
  const q = tier === 'award' ? pack.quotas.award : pack.quotas.nomination;
  const title = of ? (() => { const n = tierTitlesFor(of.award)[tier]; return t(`${of.award.name.zh}：${n.zh}`, `${of.award.name.en}: ${n.en}`); })() : listNames.value.tiers[tier];
  const pct = Math.min(100, (tally.used / Math.max(1, tally.max)) * 100);
  return (
    <div class="quota" data-testid={of ? `quota-${of.award.id}-${tier}` : `quota-${tier}`}>
      <h4>
        <Bi text={title} />
      </h4>
      <div class="meter" aria-hidden="true">
        <div style={{ width: `${pct}%` }} class={tally.used > tally.max ? 'over' : ''} />
      </div>
      <p>
        <Bi
          text={t(
            `已用 ${tally.used} / ${tally.max}，剩余 ${tally.left}（组织 ${tally.organizations}，个人 ${tally.individuals} / 至多 ${tally.maxIndividuals}）`,
            `used ${tally.used} of ${tally.max}, ${tally.left} left (organisations ${tally.organizations}, individuals ${tally.individuals} of at most ${tally.maxIndividuals})`,
          )}
          block
        />
      </p>
      {q.target !== undefined && (
        <p class="muted small">
          <Bi text={t(`每年 ${q.target}–${q.max} 个，条件不足可少评或不评（${q.source.article}）`, `${q.target}–${q.max} a year; fewer or none if applicants fall short (${citeArticle(q.source).en})`)} />
        </p>
      )}
      {q.target === undefined && (
        <p class="muted small">
          <Bi text={t(`每年不超过 ${q.max} 个，个人至多 ${q.maxIndividuals} 名（${q.source.article}）`, `at most ${q.max} a year, of them at most ${q.maxIndividuals} ${q.maxIndividuals === 1 ? 'individual' : 'individuals'} (${citeArticle(q.source).en})`)} />
        </p>
      )}
    </div>
  );
}

function DeadlineCard() {
  const y = year.value ?? 0;
  const editing = useSignal(false);
  const draft = useSignal('');
  const problem = useSignal<Bilingual | null>(null);
  useEffect(() => void loadDeadline(y), [y]);
  const d = deadlineOf(y);
  const left = d ? daysUntil(d.date, today.value) : null;
  return (
    <div class="deadline-card" data-testid="application-deadline">
      <h4>
        <Bi text={t('申报截止日期', 'Application deadline')} />
      </h4>
      {d ? (
        <p>
          <b class="mono">{d.date}</b>{' '}
          <span class={left !== null && left < 0 ? 'muted' : left !== null && left <= 14 ? 'warn' : ''}>
            <Bi text={left! < 0 ? t(`已截止 ${-left!} 天`, `closed ${-left!} ${left === -1 ? 'day' : 'days'} ago`) : left === 0 ? t('今天截止', 'closes today') : t(`还剩 ${left} 天`, `${left} ${left === 1 ? 'day' : 'days'} left`)} />
          </span>
          <br />
          <span class="muted small">
            <Bi text={d.source === 'policy' ? t(`来自年度申报通知（${citeIn(policy, '10.1').zh}）`, `from the year’s call (${citeIn(policy, '10.1').en})`) : t('由办公室设置', 'set by the office')} />
          </span>
        </p>
      ) : (
        <p class="muted">
          <Bi text={t('年度申报通知未规定截止日期，可由办公室设置。', 'The year’s call for applications sets no deadline; the office can set one.')} />
        </p>
      )}
      {d?.source !== 'policy' &&
        (editing.value ? (
          <form
            class="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (draft.value && !isIsoDate(draft.value)) {
                problem.value = t('日期无效，请按“年-月-日”填写。', 'Not a valid date: use YYYY-MM-DD.');
                return;
              }
              await saveDeadline(y, draft.value || null);
              editing.value = false;
              problem.value = null;
            }}
          >
            <input type="date" data-testid="deadline-input" value={draft.value} onInput={(e) => (draft.value = (e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" data-testid="deadline-save"><Bi text={t('保存', 'Save')} /></button>
            {problem.value && <span class="error" role="alert"><Bi text={problem.value} /></span>}
          </form>
        ) : (
          <button type="button" class="link" data-testid="deadline-edit" onClick={() => ((draft.value = d?.date ?? ''), (editing.value = true))}>
            <Bi text={t('设置…', 'Set…')} />
          </button>
        ))}
    </div>
  );
}

export function YearOverview() {
  const ys = yearState.value;
  const rewards = rewardsOfYear.value;
  // the approval in the award's own words (its approver), as the case history names it
  const approve = caseEventLabelsFor(policy.award)['government-approve'];
  return (
    <div class="year-overview" data-testid="year-overview">
      <section class="cards">
        {ys.summary && <Quota tier="award" tally={ys.summary.award} />}
        {ys.summary && <Quota tier="nomination" tally={ys.summary.nomination} />}
        {ys.summary?.pools.slice(1).map((p) => {
          const of = knownPack({ awardId: p.awardId, versionId: p.versionIds[0] ?? '' });
          return of ? [<Quota key={`${p.awardId}-${p.versionIds.join("+")}-award`} tier="award" tally={p.award} of={of} />, <Quota key={`${p.awardId}-${p.versionIds.join("+")}-nomination`} tier="nomination" tally={p.nomination} of={of} />] : null;
        })}
        <DeadlineCard />
        <div class="reward-card" data-testid="rewards-total">
          <h4>
            <Bi text={t('年度奖励', 'Rewards this year')} />
          </h4>
          <p class="big-number">
            <Bi text={formatYuan(rewards.totalYuan)} />
          </p>
          <p class="muted small">
            <Bi text={t(`一次性奖励（${policy.rewards.source.article}）；已撤销奖项的奖金收回，不计入`, `paid once (${citeArticle(policy.rewards.source).en}); money for revoked awards is recalled and not counted`)} />
          </p>
        </div>
      </section>
      <YearReportPanel />
      {!ys.summary && ys.pending && (
        <p class="muted" role="status">
          <Bi text={t('正在核对本年度名额…', 'Checking the year’s places…')} />
        </p>
      )}
      {ys.error && <p class="error"><Bi text={ys.error} block /></p>}
      {ys.summary && ys.summary.violations.length > 0 && (
        <section class="violations" data-testid="quota-violations">
          {ys.summary.violations.map((v, i) => (
            <p class="error" key={`${i}-${v.tier}-${v.rule}`}>
              <Bi text={v.reasonI18n} block />
            </p>
          ))}
          <p class="muted small">
            <Bi text={t(`名额按“${approve.zh}”的日期先后占用；超出名额的“${approve.zh}”不生效（见各案件的事件记录）。`, `Places are taken in the order of “${approve.en}” dates; a “${approve.en}” beyond the quota does not take effect (see each case’s history).`)} />
          </p>
        </section>
      )}
      <div class="overview-grid">
        <section>
          <h3><Bi text={t(`${year.value} 年度奖励明细`, `Rewards of ${year.value}`)} /></h3>
          {rewards.items.length === 0 ? (
            <p class="muted"><Bi text={t('本年度尚无获奖案件。', 'No awarded case this year yet.')} /></p>
          ) : (
            <table class="grid" data-testid="rewards-table">
              <thead><tr><th><Bi text={t('申报主体', 'Applicant')} /></th><th><Bi text={t('奖项', 'Tier')} /></th><th><Bi text={t('金额（元）', 'Amount (yuan)')} /></th><th><Bi text={t('依据', 'Article')} /></th><th /></tr></thead>
              <tbody>
                {rewards.items.map((r) => (
                  <tr key={r.caseId} class={r.recalled ? 'refused' : ''}>
                    <td><button type="button" class="link" onClick={() => ((selectedId.value = r.caseId), (tab.value = 'cases'))}>{r.applicantName}</button></td>
                    <td><Bi text={t(`${namesOfCase(r.caseId).tiers[r.tier].zh}（${applicantKindLabels[r.kind].zh}）`, `${namesOfCase(r.caseId).tiers[r.tier].en} (${applicantKindLabels[r.kind].en})`)} /></td>
                    <td class="num"><Bi text={formatYuan(r.yuan)} /></td>
                    <td>{r.article}</td>
                    <td>{r.recalled ? <Bi text={t('已撤销，奖金收回', 'Revoked; money recalled')} /> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="stage-map">
          <h3><Bi text={t('各阶段案件分布（点击阶段筛选列表）', 'Cases per stage (click a stage to filter the list)')} /></h3>
          <LifecycleDiagram
            view={null}
            counts={stageCounts.value}
            onStage={(stage) => {
              filter.value = { ...filter.value, stage };
              tab.value = 'cases';
            }}
          />
        </section>
      </div>
    </div>
  );
}
