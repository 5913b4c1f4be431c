import { stageTitle, type CaseStage, type CaseView } from '../../cases/index.ts';
import { stageTitlesFor } from '../../../machines/case.stages.ts';
import type { CaseRecord } from '../../storage/index.ts';
import { stageMeta, type CaseSummary } from './stored.ts';
import { Bi, Card } from './text.tsx';
import { citeIn, recite } from '../../awards/cite.ts';
import { measuresLabel } from '../../awards/index.ts';
import { citeArticle } from '../../core/articles.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import { tx } from '../lang.ts';
import { useEffect, useState } from 'preact/hooks';
import { todayInChina } from '../../core/calendar.ts';
import { getDraft, getProfile, listSelfEvaluations, saveDraft } from '../../storage/index.ts';
import { nextApplicationOffer, offerText, startNextApplication, type NextApplicationOffer, type NextApplicationStore, type StartResult } from './provincial.ts';

const panelStore: NextApplicationStore = { getDraft, getProfile, listSelfEvaluations, saveDraft };

/**
 * 第十二条 (issue 16): an awarded case whose award's data names a next award (recommendsTo) is offered
 * that application, carrying the profile and the self-evaluation rounds. Started once; then it says so.
 */
function NextApplication({ offer, record, store }: { offer: NextApplicationOffer; record: CaseSummary['record']; store: NextApplicationStore }) {
  const [result, setResult] = useState<StartResult | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    setResult(null);
    store.getDraft(offer.draftId).then(
      (d) => live && d && setResult({ ok: true, draftId: offer.draftId, message: { zh: `已开始申报 ${offer.year} 年度${offer.target.name.zh}，草稿已保存`, en: `The ${offer.target.name.en} ${offer.year} application is started; its draft is saved` } }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [offer.draftId]);
  const text = offerText(offer);
  const start = async () => {
    setBusy(true);
    setResult(await startNextApplication(offer, record, store));
    setBusy(false);
  };
  return (
    <Card class="next-application" label={tx(text.action)}>
      <div data-testid="next-application" data-target={offer.target.awardId}>
        <p>
          <Bi text={text.lead} />
        </p>
        {result?.ok ? (
          <p role="status" data-testid="next-application-started">
            <Bi text={result.message} />
          </p>
        ) : (
          <>
            <button type="button" class="primary" disabled={busy} onClick={start} data-testid="next-application-start">
              {tx(text.action)}
            </button>
            <p class="muted small">
              <Bi text={text.carries} />
            </p>
          </>
        )}
        {result && !result.ok && (
          <p class="error" role="alert">
            <Bi text={result.reason} />
          </p>
        )}
      </div>
    </Card>
  );
}


const reviewPath = (kind: 'organization' | 'individual' | null): CaseStage[] => [
  'draft',
  'recommendation',
  'qualification-review',
  'material-review',
  kind === 'individual' ? 'presentation' : 'site-review',
  'comprehensive-evaluation',
  'committee',
  'publicity',
  'approval',
  'awarded',
];

type StepState = 'done' | 'current' | 'upcoming' | 'stopped';

/** Where each stage of the 第十条 path stands, with the date it was entered. */
export function stepperSteps(view: CaseView): { stage: CaseStage; state: StepState; on: string | null }[] {
  const path = reviewPath(view.kind);
  const entered = new Map<CaseStage, string>();
  for (const h of view.history) entered.set(h.stage, h.event.on);
  const onPath = path.includes(view.stage);
  // For an outcome off the path (withdrawn, not accepted …), the furthest stage reached is where it stopped.
  const reachedIndex = onPath ? path.indexOf(view.stage) : Math.max(0, ...view.history.map((h) => path.indexOf(h.from)));
  const steps = path.map((stage, i) => ({
    stage,
    state: (i < reachedIndex ? 'done' : i === reachedIndex ? (onPath ? (view.stage === 'awarded' ? 'done' : 'current') : 'done') : 'upcoming') as StepState,
    on: entered.get(stage) ?? null,
  }));
  if (!onPath) steps.splice(reachedIndex + 1, 0, { stage: view.stage, state: 'stopped', on: view.stageSince });
  return steps;
}

/** 进度: the case's place on the 第十条 lifecycle, replayed from its event log. */
export function StatusTab({ cases, current, onSelect, store = panelStore, today = todayInChina }: { cases: CaseRecord[]; current: CaseSummary | null; onSelect(id: string): void; store?: NextApplicationStore; today?: () => string }) {
  if (!current)
    return (
      <Card>
        <p data-testid="status-empty">
          <Bi
            text={{
              zh: '还没有案件记录。打开申报系统的“申报进度”页面，助手会自动读取各环节的办理情况。',
              en: 'No case recorded yet. Open the portal’s status page and the assistant reads each step from it.',
            }}
          />
        </p>
      </Card>
    );
  const { view, record } = current;
  // the case's own measures (issue 16); `undefined` from an older caller means the default award
  const pack = current.pack === undefined ? defaultPolicy : current.pack;
  // the stage names in the case's own award's words (its committee, its approver); the default names when the version is unknown
  const titleOf = (stage: CaseStage) => (pack ? stageTitlesFor(pack.award)[stage] : stageTitle(stage));
  return (
    <div class="tab-body" data-testid="status">
      {cases.length > 1 && (
        <label class="case-picker">
          <span>{tx({ zh: '案件', en: 'Case' })}</span>
          <select value={record.id} onChange={(e) => onSelect((e.currentTarget as HTMLSelectElement).value)}>
            {cases.map((c) => (
              // the applicant's name is data, in the language it was registered in
              <option key={c.id} value={c.id} translate={false}>
                {tx({ zh: `${c.applicantName}（${c.year}）`, en: `${c.applicantName} (${c.year})` })}
              </option>
            ))}
          </select>
        </label>
      )}
      <Card class="case-head">
        <div class="case-name" translate={false}>{record.applicantName}</div>
        <div class="case-stage" data-testid="case-stage" data-stage={view.stage}>
          {tx({ zh: `当前环节：${titleOf(view.stage).zh}`, en: `Now: ${titleOf(view.stage).en}` })}
        </div>
        {pack === null && (
          <p class="case-ban" data-testid="case-unknown-version">
            <Bi text={{ zh: `无法评判：本案记录的${measuresLabel(record.award).zh}，本版本不认识`, en: `Cannot be judged: this version does not know the case's ${measuresLabel(record.award).en}` }} />
          </p>
        )}
        {pack && view.publicityEndsOn && view.stage === 'publicity' && (
          <p class="case-deadline">
            <Bi
              text={{
                zh: `公示期满可于 ${view.publicityEndsOn} 结束（${citeIn(pack, '10.5').zh}${pack.lifecycle.publicityDays ? `，不少于 ${pack.lifecycle.publicityDays} 天` : ''}）`,
                en: `Publicity may end on ${view.publicityEndsOn} (${citeIn(pack, '10.5').en}${pack.lifecycle.publicityDays ? `, at least ${pack.lifecycle.publicityDays} days` : ''})`,
              }}
            />
          </p>
        )}
        {pack && view.banUntil && (
          <p class="case-ban">
            <Bi text={{ zh: `${view.banArticle ?? citeIn(pack, '14').zh}：至 ${view.banUntil}（含）不得申报`, en: `${view.banArticle ? citeArticle({ article: view.banArticle }).en : citeIn(pack, '14').en}: barred from applying through ${view.banUntil}` }} />
          </p>
        )}
        {pack && view.lockedUntil && (
          <p class="case-ban">
            <Bi text={{ zh: `${view.lockArticle ?? citeIn(pack, '16').zh}：至 ${view.lockedUntil}（含）不得再次申报${pack.award.shortName.zh}`, en: `${view.lockArticle ? citeArticle({ article: view.lockArticle }).en : citeIn(pack, '16').en}: may not apply again for the ${pack.award.shortName.en} through ${view.lockedUntil}` }} />
          </p>
        )}
      </Card>
      {(() => {
        const offer = pack ? nextApplicationOffer({ record, view, pack }, today()) : null;
        return offer && <NextApplication key={offer.draftId} offer={offer} record={record} store={store} />;
      })()}
      <ol class="stepper" aria-label={tx({ zh: '办理环节', en: 'Stages' })}>
        {stepperSteps(view).map((s) => {
          const meta = stageMeta(s.stage);
          const t = titleOf(s.stage);
          return (
            <li key={s.stage} class={`step step-${s.state}`} data-stage={s.stage} data-state={s.state}>
              <span class="step-dot" aria-hidden="true" />
              <div class="step-body">
                <div class="step-title">
                  {tx(t)}
                  {meta?.article && pack && <span class="step-article">{tx(recite(pack, meta.article))}</span>}
                </div>
                {s.on && <div class="step-date">{s.on}</div>}
              </div>
            </li>
          );
        })}
      </ol>
      {view.rejected.length > 0 && (
        <Card class="rejected" label={tx({ zh: '未采纳的记录', en: 'Refused events' })}>
          <h3>
            <Bi text={{ zh: '未采纳的记录', en: 'Events not accepted' }} />
          </h3>
          <ul>
            {view.rejected.map((r) => (
              <li key={r.index}>
                <strong>
                  {r.event.on} · {r.event.type}
                </strong>
                ：{r.reasonI18n.zh}
                <span class="en" lang="en">
                  {r.reasonI18n.en}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

export default StatusTab;
