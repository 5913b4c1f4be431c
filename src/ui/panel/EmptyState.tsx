import { browser } from 'wxt/browser';
import { Bi } from './text.tsx';
import { panel as P } from '../../i18n/messages/panel.ts';
import { entry } from '../../i18n/define.ts';
import { msg } from '../lang.ts';

/** Shown when the panel's tab is not a portal page the extension may read. */
export function EmptyState() {
  return (
    <div class="empty" data-testid="empty-state">
      <div class="empty-mark" aria-hidden="true" translate={false}>
        质
      </div>
      <h2>
        <Bi text={entry(P, 'empty.title')} />
      </h2>
      <ol class="empty-steps">
        <li>
          <Bi text={entry(P, 'empty.open')} />
        </li>
        <li>
          <Bi text={entry(P, 'empty.grant')} />
        </li>
      </ol>
      <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
        {msg(P, 'empty.options')}
      </button>
    </div>
  );
}
