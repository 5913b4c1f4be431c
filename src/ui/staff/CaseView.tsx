import { signal, useSignal } from '@preact/signals';
import { daysBetween } from '../../core/calendar.ts';
import type { CaseEvent } from '../../../machines/case.events.ts';
import { publicityDeadline, rewardForCase } from '../../cases/staff.ts';
import { applicantKindLabels, caseTierLabels } from '../../staff/rows.ts';
import { caseEventLabelsFor } from '../../staff/event-labels.ts';
import { stageTitlesFor, tierTitlesFor } from '../../../machines/case.stages.ts';
import { Bi, plain, t } from './Bi.tsx';
import { measuresLabel } from '../../awards/index.ts';
import { LazySlot } from '../panel/LazySlot.tsx';
import { LifecycleDiagram } from './LifecycleDiagram.tsx';
import { RecordEventForm } from './RecordEventForm.tsx';
import { fullPolicyOf, policyOf, selectedCase, selectedId, toast, today, viewOf } from './store.ts';
import { citeIn } from '../../awards/cite.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';

// Shown only at some stages (the expert group during the reviews, the duties after the award): loaded
// when first shown, not with the staff page (issue 19: the self-evaluation catalogue and the expert
// pool are most of their weight).
const expertGroupLoaders = { expertGroup: () => import('./ExpertGroup.tsx').then((m) => ({ default: m.ExpertGroup })) };
const EXPERT_GROUP = { zh: '专家组', en: 'the expert group' };

/** The fields an event carries beyond its type and date, for the history table. */
function eventDetail(e: CaseEvent, own: AwardPack): string {
  switch (e.type) {
    case 'apply':
      return plain(applicantKindLabels[e.kind]);
    case 'recommend':
      return e.by;
    case 'propose':
      return plain(caseTierLabels[e.tier]);
    case 'revoke':
      return e.reason === 'fraud' ? plain(t(`以弄虚作假手段获奖（${citeIn(own, '14').zh}）`, `Won by fraud (${citeIn(own, '14').en})`)) : plain(t(`获奖后发生重大事故（${citeIn(own, '15').zh}）`, `Major incident after the award (${citeIn(own, '15').en})`));
    default:
      return '';
  }
}

/**
 * What an awarded case adds (获奖后监督, AfterAward.tsx; 第十二条's links and action, RecommendOnward.tsx),
 * loaded with the first case that shows them: the page's first load stays in its budget.
 */
type Awarded = typeof import('./RecommendOnward.tsx');
const awardedParts = signal<Awarded | null>(null);
function Later({ render }: { render: (m: Awarded) => preact.ComponentChildren }) {
  const m = awardedParts.value;
  if (m) return <>{render(m)}</>;
  void import('./RecommendOnward.tsx').then(
    (x) => (awardedParts.value = x),
    (err) => (toast.value = { kind: 'error', text: t(`获奖后部分未能加载：${String(err)}`, `Could not load the after-award part: ${String(err)}`) }),
  );
  return null;
}

export function CaseViewPanel() {
  const c = selectedCase.value;
  const hover = useSignal<string | null>(null);
  if (!c) return null;
  const view = viewOf(c);
  const h = c.header;
  const days = view?.stageSince ? daysBetween(view.stageSince, today.value) : null;
  const publicity = view ? publicityDeadline(view, today.value) : null;
  // this case's own measures (issue 16): its award and version, not the office's default
  let own: AwardPack = defaultPolicy;
  try {
    own = policyOf(h);
  } catch {}
  // its stage and event names in its award's words (the committee, the approver)
  const caseStageLabels = stageTitlesFor(own.award);
  const caseEventLabels = caseEventLabelsFor(own.award);
  const ownTiers = tierTitlesFor(own.award);
  const full = fullPolicyOf(h);
  const reward = view && full ? rewardForCase(view, h.kind, full) : null;
  const publicityArt = citeIn(own, '10.5');
  const lockArt = citeIn(own, '16');
  const recallArt = { zh: `${citeIn(own, '14').zh}/${citeIn(own, '15').zh}`, en: `${citeIn(own, '14').en}/${citeIn(own, '15').en}` };
  const accepted = new Map((view?.history ?? []).map((x) => [x.index, x]));
  const refused = new Map((view?.rejected ?? []).map((x) => [x.index, x]));
  return (
    <article class="case-view" data-testid="case-view" data-case-id={h.id} aria-labelledby="case-view-name">
      <header class="case-header">
        <button type="button" class="link close" onClick={() => ((selectedId.value = null), history.replaceState(null, '', '#'))} aria-label={plain(t('关闭', 'Close'))}>
          ✕
        </button>
        <h2 translate={false} id="case-view-name">{h.applicantName}</h2>
        <dl class="facts">
          <div><dt>{plain(t('类型', 'Kind'))}</dt><dd>{plain(applicantKindLabels[h.kind])}</dd></div>
          <div><dt>{plain(t('年度', 'Year'))}</dt><dd>{h.year}</dd></div>
          <div><dt>{plain(t('信用代码', 'Credit code'))}</dt><dd class="mono">{h.creditCode ?? '—'}</dd></div>
          <div><dt>{plain(t('推荐单位', 'Recommender'))}</dt><dd translate={false}>{view?.recommendedBy ?? h.recommender ?? '—'}</dd></div>
          <div><dt>{plain(t('编号', 'ID'))}</dt><dd class="mono small" translate={false}>{h.id}</dd></div>
          <div data-testid="case-measures"><dt>{plain(t('适用办法', 'Measures'))}</dt><dd><Bi text={measuresLabel(h.award)} /></dd></div>
        </dl>
        {c.error && (
          <p class="error" role="alert">
            <Bi text={c.error} block />
          </p>
        )}
        {view && (
          <p class="stage-line">
            <span class={`pill big stage-${view.stage}`} data-testid="case-stage" data-stage={view.stage}>
              {plain(caseStageLabels[view.stage])}
            </span>
            {view.tier && <span class="pill tier">{plain(ownTiers[view.tier])}</span>}
            {days !== null && days >= 0 && (
              <span class="since" data-testid="stage-days">
                <Bi text={t(`自 ${view.stageSince} 起已 ${days} 天`, `${days} ${days === 1 ? "day" : "days"} since ${view.stageSince}`)} />
              </span>
            )}
          </p>
        )}
      </header>

      <div class="case-top">
        <div class="case-diagram">
          <LifecycleDiagram view={view} highlight={hover.value} pane pack={own} />
        </div>
        <div class="case-side">
          {view && view.rejected.length > 0 && (
            <section class="refused-list" data-testid="refused-list" aria-label={plain(t('未生效的事件', 'Refused events'))}>
              <h4>
                <Bi text={t('未生效的事件（不符合办理程序，案件状态未变）', 'Refused events (they changed nothing)')} />
              </h4>
              <ol>
                {view.rejected.map((r) => (
                  <li key={r.index} value={r.index + 1}>
                    <span class="mono">{r.event.on}</span> {caseEventLabels[r.event.type] ? plain(caseEventLabels[r.event.type]!) : r.event.type}{plain(t('：', ': '))}<Bi text={r.reasonI18n} />
                  </li>
                ))}
              </ol>
            </section>
          )}
          <section aria-label={plain(t('事件记录', 'History'))}>
            <h3><Bi text={t(`事件记录（${c.events.length}）`, `History (${c.events.length})`)} /></h3>
            {c.events.length === 0 ? (
              <p class="muted"><Bi text={t(`尚无事件记录，案件处于“${caseStageLabels.draft.zh}”阶段。`, `Nothing recorded yet: the case is at “${caseStageLabels.draft.en}”.`)} /></p>
            ) : (
              <table class="history" data-testid="history">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{plain(t('日期', 'Date'))}</th>
                    <th>{plain(t('事件', 'Event'))}</th>
                    <th>{plain(t('结果', 'Outcome'))}</th>
                    <th>{plain(t('记录人', 'By'))}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.events.map((stored, i) => {
                    const ok = accepted.get(i);
                    const no = refused.get(i);
                    const ev = (ok?.event ?? no?.event ?? stored.event) as CaseEvent;
                    const label = caseEventLabels[ev.type];
                    const edge = ok ? `${ok.from}:${ok.event.type}:${ok.stage}` : null;
                    const link = edge
                      ? { tabIndex: 0, onMouseEnter: () => (hover.value = edge), onFocus: () => (hover.value = edge), onMouseLeave: () => (hover.value = null), onBlur: () => (hover.value = null) }
                      : {};
                    return (
                      <tr
                        key={stored.seq ?? i}
                        class={`${no ? 'refused' : ''}${edge && hover.value === edge ? ' hl' : ''}`}
                        data-testid={no ? 'history-refused' : 'history-row'}
                        title={plain(t(`记录于 ${stored.recordedAt}`, `recorded ${stored.recordedAt}`))}
                        {...link}
                      >
                        <td class="num">{i + 1}</td>
                        <td class="mono">{ev.on}</td>
                        <td>
                          {label ? plain(label) : ev.type}
                          {eventDetail(ev, own) && <span class="detail"> · {eventDetail(ev, own)}</span>}
                        </td>
                        <td>
                          {ok ? (
                            <span>
                              {plain(caseStageLabels[ok.from])} → <b>{plain(caseStageLabels[ok.stage])}</b>
                            </span>
                          ) : no ? (
                            <span class="refusal">
                              <b>{plain(t('未生效', 'Refused'))}</b>{plain(t('：', ': '))}<Bi text={no.reasonI18n} />
                            </span>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{stored.recordedBy}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {view && view.rejected.length > 0 && (
              <p class="warn small" data-testid="refused-summary">
                <Bi text={t(`有 ${view.rejected.length} 个事件不符合办理程序，未生效，案件状态未变（见上表）。`, `${view.rejected.length} ${view.rejected.length === 1 ? 'event breaks' : 'events break'} the procedure and changed nothing (see above).`)} />
              </p>
            )}
          </section>
        </div>
      </div>
      <div class="case-main">
          {view && (publicity || view.banUntil || view.lockedUntil || reward) && (
            <section class="deadlines" aria-label={plain(t('期限', 'Deadlines'))}>
              {publicity && (
                <p data-testid="publicity-deadline" class={publicity.running ? 'running' : ''}>
                  <Bi
                    text={t(
                      `公示（${own.lifecycle.publicityDays ?? '—'} 天，${publicityArt.zh}）：${publicity.startedOn} 起至 ${publicity.lastDay}，${publicity.canEndOn} 起可记录公示期满` +
                        (publicity.running ? (publicity.daysLeft ? `，还剩 ${publicity.daysLeft} 天` : '，今日起可记录公示期满') : ''),
                      `Publicity (${own.lifecycle.publicityDays ?? '—'} days, ${publicityArt.en}): ${publicity.startedOn} to ${publicity.lastDay}; may end from ${publicity.canEndOn}` +
                        (publicity.running ? (publicity.daysLeft ? `; ${publicity.daysLeft} ${publicity.daysLeft === 1 ? 'day' : 'days'} left` : '; may end today') : ''),
                    )}
                    block
                  />
                </p>
              )}
              {view.banUntil && (
                <p class="warn">
                  <Bi text={t(`禁止申报至 ${view.banUntil}（含当日，依据${view.banArticle ?? ''}）`, `Banned from applying through ${view.banUntil} (${view.banArticle ?? ''})`)} block />
                </p>
              )}
              {view.lockedUntil && (
                <p class="warn">
                  <Bi text={t(`获奖后 ${view.lockedUntil}（含）前不再申报（${view.lockArticle ?? lockArt.zh}）`, `May not apply again through ${view.lockedUntil} (${view.lockArticle ?? lockArt.en})`)} block />
                </p>
              )}
              {reward && (
                <p data-testid="case-reward">
                  <Bi text={reward.label} block />
                  {reward.recalled && <Bi text={t(`奖项已撤销：奖金收回（${recallArt.zh}）`, `Revoked: the money is recalled (${recallArt.en})`)} block />}
                </p>
              )}
            </section>
          )}

          {(view?.stage === 'material-review' || view?.stage === 'site-review' || view?.stage === 'presentation') && <LazySlot loaders={expertGroupLoaders} props={{ header: h }} name={EXPERT_GROUP} />}

          {view?.stage === 'awarded' && <Later render={(m) => <m.AfterAward caseId={h.id} year={h.year} tier={view.tier} policy={own} />} />}
          {(view?.stage === 'awarded' || view?.stage === 'revoked' || h.recommendedFrom) && <Later render={(m) => <m.RecommendOnward c={c} view={view} own={own} />} />}

          <section aria-label={plain(t('记录决定', 'Record a decision'))}>
            <h3><Bi text={t('记录决定', 'Record a decision')} /></h3>
            <RecordEventForm key={h.id} c={c} />
          </section>

      </div>
    </article>
  );
}
