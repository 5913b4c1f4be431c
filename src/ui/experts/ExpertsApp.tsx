import { useEffect, useState } from 'preact/hooks';
import { Workspace } from './Workspace.tsx';
import { Office } from './Office.tsx';
import { Pool } from './Pool.tsx';

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
        <h1>专家评审<span class="en">Expert panel</span></h1>
        <nav class="ex-tabs">
          <a href="#" class={office || pool ? '' : 'on'} aria-current={office || pool ? undefined : 'page'}>专家评分<span class="en">Score</span></a>
          <a href="#office" class={office ? 'on' : ''} aria-current={office ? 'page' : undefined}>合议与结果<span class="en">Consensus (office)</span></a>
          <a href="#pool" class={pool ? 'on' : ''} aria-current={pool ? 'page' : undefined}>专家库<span class="en">Pool (office)</span></a>
        </nav>
      </header>
      <main class="ex-main">{office ? <Office /> : pool ? <Pool /> : <Workspace />}</main>
    </div>
  );
}
