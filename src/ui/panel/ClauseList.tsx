import { ruleTitles } from '../../eligibility/rule-titles.ts';
import { evidenceLabels } from '../../eligibility/evidence.ts';
import { citeRule } from '../../policy/cite.ts';
import { citeIn } from '../../awards/cite.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import { ruleTitle } from '../../eligibility/rule-title.ts';
import type { AwardPack } from '../../policy/schema.ts';
import type { Rule } from '../../eligibility/types.ts';
import type { FindingView } from '../../messaging/panel-protocol.ts';
import { statusText } from './labels.ts';
import { Bi } from './text.tsx';
import { panel as P } from '../../i18n/messages/panel.ts';
import { msg, tx } from '../lang.ts';

const order = { fail: 0, 'needs-evidence': 1, pass: 2 } as const;

/** 第八条（一） / Art. 8(1), from the policy pack (one helper: src/policy/cite.ts). */
export function clauseCitation(rule: string, pack?: AwardPack): { zh: string; en: string } {
  return pack ? citeIn(pack, rule) : citeRule(rule);
}

/** What the clause checks, worded by the award (Lianyungang's when no pack is given, as `citeRule` cites). */
export function clauseTitle(rule: string, pack: AwardPack = defaultPolicy): { zh: string; en: string } | null {
  const title = (ruleTitles as Record<string, Rule['title'] | undefined>)[rule];
  return title ? ruleTitle({ title }, pack) : null;
}

const FILE_NAME = /\.[A-Za-z0-9]{2,5}$/;

function evidenceEn(name: string): string | null {
  return (evidenceLabels as Record<string, { zh: string; en: string } | undefined>)[name]?.en ?? null;
}

/** Each clause of 第八条/第九条 (and 第十四–十六条) with its status, message and evidence to attach. */
export function ClauseList({ findings, sort = true, pack }: { findings: readonly FindingView[]; sort?: boolean; pack?: AwardPack }) {
  const list = sort ? [...findings].sort((a, b) => order[a.status] - order[b.status]) : findings;
  return (
    <ol class="clauses" aria-label={msg(P, 'clauses.label')}>
      {list.map((f) => {
        const cite = clauseCitation(f.rule, pack);
        const title = clauseTitle(f.rule, pack);
        return (
          <li class={`clause clause-${f.status}`} key={f.rule} data-rule={f.rule} data-status={f.status}>
            <div class="clause-head">
              <span class="clause-article">
                <Bi text={cite} inline />
              </span>
              {title && <span class="clause-title">{tx(title)}</span>}
              <span class={`chip chip-${f.status}`}>{tx(statusText[f.status])}</span>
            </div>
            {f.status !== 'pass' && f.problems && f.problems.length > 0 ? (
              // each unmet fact on its own line with its own status, not a chain of sentences
              <ul class="clause-problems">
                {f.problems.map((p, i) => (
                  <li key={i} class={`problem problem-${p.status}`} data-field={p.field}>
                    <span class={`chip chip-${p.status}`}>{p.missing ? msg(P, 'problem.missing') : tx(statusText[p.status])}</span> <Bi text={p.text} inline />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="clause-message">
                <Bi text={f.detail} />
              </p>
            )}
            {f.evidence.length > 0 && (
              <div class="clause-evidence">
                <span class="evidence-label">{msg(P, f.status === 'pass' ? 'evidence.attach' : 'evidence.needed')}</span>
                <ul>
                  {f.evidence.map((e) => (
                    // a file the applicant uploaded is shown by its own name, in whatever language it was named
                    <li key={e} translate={FILE_NAME.test(e) ? false : undefined}>
                      {tx({ zh: e, en: evidenceEn(e) ?? e })}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
