import { useSignal } from '@preact/signals';
import { fieldLabel } from '../../application/labels.ts';
import { entry } from '../../i18n/define.ts';
import { panel as P } from '../../i18n/messages/panel.ts';
import { askBackground } from '../../messaging/panel-client.ts';
import type { PrecheckView } from '../../messaging/panel-protocol.ts';
import { msg, tx } from '../lang.ts';
import type { NextAction } from './next-actions.ts';
import { Bi } from './text.tsx';

/** 下一步: each open fact a link that scrolls to and focuses its field on the portal page (a person's click only). */
export function NextActions({ tabId, actions, more }: { tabId: number; actions: NextAction[]; more: number; verdict: PrecheckView['verdict'] }) {
  const said = useSignal<{ field: string; ok: boolean; text: string } | null>(null);
  const go = async (e: MouseEvent, field: string) => {
    e.preventDefault();
    const label = tx(fieldLabel(field));
    // a page script or an extension cannot drive this: only a trusted click moves the person's cursor
    if (!e.isTrusted) {
      said.value = { field, ok: false, text: msg(P, 'next.untrusted') };
      return;
    }
    const reply = await askBackground({ type: 'panel/focus-field', tabId, field });
    const ok = reply.ok && reply.focused === true;
    said.value = { field, ok, text: reply.ok ? msg(P, ok ? 'next.focused' : 'next.notOnPage', { field: label }) : tx(reply.error) };
  };
  return (
    <section class="next" aria-labelledby="next-heading" data-testid="next-actions">
      <h2 id="next-heading">{msg(P, 'next.heading')}</h2>
      {actions.length === 0 ? (
        <p class="next-none">{msg(P, 'next.none')}</p>
      ) : (
        <ol class="next-list">
          {actions.map((a) => (
            <li key={a.field} class={`next-item next-${a.status}`} data-field={a.field}>
              <a href="#" class="next-link" onClick={(e) => void go(e as unknown as MouseEvent, a.field)}>
                {msg(P, 'next.go', { field: tx(fieldLabel(a.field)) })}
              </a>
              <span class="next-why">
                {a.missing ? <span class="chip chip-needs-evidence">{msg(P, 'problem.missing')}</span> : null} <Bi text={a.text} inline />
              </span>
              {said.value?.field === a.field && (
                <span class={`next-said ${said.value.ok ? '' : 'next-said-warn'}`} role="status">
                  {said.value.text}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p class="next-more">{msg(P, 'next.more', { n: more })}</p>}
    </section>
  );
}
export const nextHeading = entry(P, 'next.heading');
