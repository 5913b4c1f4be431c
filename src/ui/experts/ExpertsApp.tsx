import { useEffect, useState } from 'preact/hooks';
import { Bi, t } from '../staff/Bi.tsx';
import { lazyPanel } from '../staff/lazy.tsx';
import { ConflictsButton } from './ConflictsButton.tsx';

// Each tab (with its catalogue, scoring and stores) comes from its own file when shown, so the page's frame
// paints first (issue 19: ≤ 45 KiB gz initial JS); until then the tab says 加载中….
const Workspace = lazyPanel(() => import('./Workspace.tsx').then((m) => m.Workspace));
const Office = lazyPanel(() => import('./Office.tsx').then((m) => m.Office));
const Pool = lazyPanel(() => import('./Pool.tsx').then((m) => m.Pool));

/** experts.html: the expert's workspace (default), the office's consensus page (#office) or the expert pool (#pool). */
export function ExpertsApp() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const office = hash.startsWith('#office');
  const pool = hash.startsWith('#pool');
  return (
    <div class="ex">
      <header class="ex-top">
        <h1><Bi text={t('专家评审', 'Expert panel')} /></h1>
        <nav class="ex-tabs">
          <a href="#" class={office || pool ? '' : 'on'} aria-current={office || pool ? undefined : 'page'}><Bi text={t('专家评分', 'Score')} /></a>
          <a href="#office" class={office ? 'on' : ''} aria-current={office ? 'page' : undefined}><Bi text={t('合议与结果', 'Consensus (office)')} /></a>
          <a href="#pool" class={pool ? 'on' : ''} aria-current={pool ? 'page' : undefined}><Bi text={t('专家库', 'Pool (office)')} /></a>
        </nav>
        <a class="ex-help" href="/help.html#clerk" target="_blank" rel="noopener">
          <Bi text={t('帮助', 'Help')} />
        </a>
        <ConflictsButton />
      </header>
      <main class="ex-main">{office ? <Office /> : pool ? <Pool /> : <Workspace />}</main>
    </div>
  );
}
