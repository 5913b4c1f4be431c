import type { ComponentChildren } from 'preact';
import { Bi, t } from './Bi.tsx';
import { loading } from './store.ts';

/**
 * A count that needs every case (stage chips, list total, overdue duties, bans, rewards): while the
 * staged load is still replaying cases it says 加载中… instead of a number that would be wrong.
 */
export function Count({ children, testid }: { children: ComponentChildren; testid?: string }) {
  if (loading.value !== null) {
    return (
      <b class="muted" data-testid={testid} data-loading="true">
        <Bi text={t('加载中…', 'loading…')} />
      </b>
    );
  }
  return <b data-testid={testid}>{children}</b>;
}
