import type { PrecheckView, TabState } from '../../messaging/panel-protocol.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import { ClauseList } from './ClauseList.tsx';
import { packOfPrecheck } from './measures.ts';
import { EmptyState } from './EmptyState.tsx';
import { Bi, Card } from './text.tsx';
import { panel as P } from '../../i18n/messages/panel.ts';
import { entry } from '../../i18n/define.ts';
import { lang, msg } from '../lang.ts';
import { articleIn } from '../../awards/cite.ts';
import { citeArticle } from '../../core/articles.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { VerdictBanner } from './VerdictBanner.tsx';
import { NextActions } from './NextActions.tsx';
import { nextActions } from './next-actions.ts';
import { runAction } from './state.ts';

/** 预检: live 第八条/第九条 pre-check of the application the user is typing on the portal. */
export function PrecheckTab({ state }: { state: TabState | null }) {
  if (!state) return <EmptyState />;
  if (state.page !== 'application-form' && state.page !== 'recommender-review')
    return (
      <Card>
        <p>
          <Bi text={entry(P, 'notForm')} />
        </p>
      </Card>
    );
  const pc = state.precheck;
  const counts = pc && {
    pass: pc.findings.filter((f) => f.status === 'pass').length,
    fail: pc.findings.filter((f) => f.status === 'fail').length,
    needs: pc.findings.filter((f) => f.status === 'needs-evidence').length,
  };
  return (
    <div class="tab-body" data-testid="precheck">
      {pc ? (
        <VerdictBanner verdict={pc.verdict} pack={packOfPrecheck(pc)} counts={counts ?? undefined} />
      ) : (
        <div class="verdict verdict-incomplete" role="status" data-testid="verdict" data-verdict="unreadable">
          <div class="verdict-body">
            <div class="verdict-title">
              <Bi text={entry(P, 'verdict.cannot')} inline />
            </div>
            <p class="verdict-detail">
              <Bi text={entry(P, 'verdict.cannotDetail')} />
            </p>
          </div>
        </div>
      )}
      {!pc && state.hints.some((h) => h.rule === 'input' && h.field === 'applicant.kind') && state.page === 'application-form' && (
        // no dead end: the kind can be chosen here, and everything else is then checked with it
        <Card class="kind-choice">
          <p data-testid="kind-choose">
            <Bi text={entry(P, 'kind.choose')} />
          </p>
          <div class="kind-actions">
            {(['organization', 'individual'] as const).map((kind) => (
              <button key={kind} type="button" class="btn" data-kind={kind} onClick={() => void runAction({ type: 'panel/choose-kind', tabId: state.tabId, kind }, entry(P, 'kind.done'))}>
                {msg(P, kind === 'organization' ? 'kind.organization' : 'kind.individual')}
              </button>
            ))}
          </div>
        </Card>
      )}
      {pc && state.chosenKind && !state.fields.some((f) => f.key === 'applicant.kind' && f.found && f.value !== null && f.value !== '') && (
        <p class="kind-chosen" data-testid="kind-chosen">
          <Bi text={chosenText(state.chosenKind)} />{' '}
          <button type="button" class="btn" onClick={() => void runAction({ type: 'panel/choose-kind', tabId: state.tabId, kind: null }, entry(P, 'kind.done'))}>
            {msg(P, 'kind.undo')}
          </button>
        </p>
      )}
      {!pc && state.hints.some((h) => h.rule === 'input') && (
        // no dead end: what keeps the check from running is named (a field not found, an entry unreadable)
        <Card class="input-errors" label={msg(P, 'unreadable.label')}>
          <ul data-testid="precheck-blocked">
            {state.hints.filter((h) => h.rule === 'input').map((h) => (
              <li key={h.field} data-path={h.field}>
                <Bi text={h.text} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {pc?.measures && (
        <p class="measures-line" data-testid="panel-measures">
          <span class="measures-key">{msg(P, 'measures.label')}</span> <Bi text={pc.measures.label} inline />
        </p>
      )}
      {(pc?.inputErrors.length ?? 0) > 0 && (
        <Card class="input-errors" label={msg(P, 'unreadable.label')}>
          <h3>
            <Bi text={entry(P, 'unreadable.heading')} />
          </h3>
          <ul>
            {pc!.inputErrors.map((e) => (
              <li key={e.path} data-path={e.path}>
                {/* the message already names its field (“统一社会信用代码：…”): said once */}
                <Bi text={e.message} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      {pc && state.page === 'application-form' && <NextActions tabId={state.tabId} verdict={pc.verdict} {...nextList(pc)} />}
      {pc &&
        (state.page === 'application-form' && nextList(pc).actions.length > 0 ? (
          // the next actions lead; every clause is one click away
          <details class="clause-details">
            <summary>{msg(P, 'details.show', { n: pc.findings.length, articles: conditionArticles(packOfPrecheck(pc)) })}</summary>
            <ClauseList findings={pc.findings} pack={packOfPrecheck(pc)} />
          </details>
        ) : (
          <ClauseList findings={pc.findings} pack={packOfPrecheck(pc)} />
        ))}
      <DateNote submittedOn={pc?.submittedOn ?? null} measures={pc?.measures} />
    </div>
  );
}

/** “正按你选择的‘组织’预检”, the kind's name filled in per language */
function chosenText(kind: 'organization' | 'individual') {
  const name = entry(P, kind === 'organization' ? 'kind.organizationName' : 'kind.individualName');
  return { zh: entry(P, 'kind.chosen', { kind: name.zh }).zh, en: entry(P, 'kind.chosen', { kind: name.en }).en };
}

/** The articles holding the application conditions (Lianyungang: 第八条、第九条), in the current language. */
function conditionArticles(pack: AwardPack): string {
  const arts = [...new Set(['8.1', '9.1'].map((r) => articleIn(pack, r)).filter((a): a is string => a !== null))];
  if (arts.length === 0) return lang.value === 'en' ? 'the conditions (clause unverified)' : '申报条件（条款未核实）';
  return lang.value === 'en' ? arts.map((a) => citeArticle({ article: a }).en).join(' and ') : arts.join('、');
}

const nextList = (pc: NonNullable<TabState['precheck']>) => { const r = nextActions(pc); return { actions: r.shown, more: r.more }; };

/** The product's date convention (domain.md), stated where the results are read. */
export function DateNote({ submittedOn, measures }: { submittedOn: string | null; measures?: PrecheckView['measures'] }) {
  // the measures the check used (issue 16); the default award's only when the reading carried none
  const title = measures?.title ?? defaultPolicy.title;
  const number = measures?.document ?? defaultPolicy.document.number;
  return (
    <aside class="note" aria-label={msg(P, 'date.label')}>
      <p>
        <Bi
          text={{
            zh: entry(P, 'date.rule', { on: submittedOn ? entry(P, 'date.on', { date: submittedOn }).zh : '' }).zh,
            en: entry(P, 'date.rule', { on: submittedOn ? entry(P, 'date.on', { date: submittedOn }).en : '' }).en,
          }}
        />
      </p>
      <p>
        <Bi text={{ zh: `${entry(P, 'date.source').zh}《${title.zh.replace(/（.*）$/, '')}》（${number}）`, en: `${entry(P, 'date.source').en}${title.en} (${number})` }} />
      </p>
    </aside>
  );
}
