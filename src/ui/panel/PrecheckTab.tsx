import type { PrecheckView, TabState } from '../../messaging/panel-protocol.ts';
import { defaultPolicy } from '../../policy/index.ts';
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
        <VerdictBanner verdict={pc.verdict} counts={counts ?? undefined} />
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
