import type { PrecheckView } from '../../messaging/panel-protocol.ts';
import { verdictTextIn } from './labels.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { Bi } from './text.tsx';
import { panel as P } from '../../i18n/messages/panel.ts';
import { msg } from '../lang.ts';

const icon = { eligible: '✓', ineligible: '✕', incomplete: '…' } as const;

/** The pre-check's one-line answer: 可以申报 / 暂不符合 / 待补充. */
export function VerdictBanner({ verdict, pack, counts }: { verdict: PrecheckView['verdict']; pack: AwardPack; counts?: { pass: number; fail: number; needs: number } }) {
  const t = verdictTextIn(pack)[verdict];
  return (
    <div class={`verdict verdict-${verdict}`} role="status" aria-live="polite" data-testid="verdict" data-verdict={verdict}>
      <span class="verdict-icon" aria-hidden="true">
        {icon[verdict]}
      </span>
      <div class="verdict-body">
        <div class="verdict-title">
          <Bi text={t.title} inline />
        </div>
        <p class="verdict-detail">
          <Bi text={t.detail} />
        </p>
        {counts && (
          <p class="verdict-counts" aria-label={msg(P, 'verdict.counts')}>
            <span class="count count-pass">{msg(P, 'count.pass', { n: counts.pass })}</span>
            <span class="count count-fail">{msg(P, 'count.fail', { n: counts.fail })}</span>
            <span class="count count-needs">{msg(P, 'count.needs', { n: counts.needs })}</span>
          </p>
        )}
      </div>
    </div>
  );
}
