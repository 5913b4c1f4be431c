import { useEffect, useState } from 'preact/hooks';
import { Workspace } from './Workspace.tsx';
import { Office } from './Office.tsx';

/** experts.html: the expert's workspace (default) or the office's consensus page (#office). */
export function ExpertsApp() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const office = hash.startsWith('#office');
  return (
    <div class="ex">
      <header class="ex-top">
        <h1>专家评审<span class="en">Expert panel</span></h1>
        <nav class="ex-tabs">
          <a href="#" class={office ? '' : 'on'}>专家评分<span class="en">Score</span></a>
          <a href="#office" class={office ? 'on' : ''}>合议与结果<span class="en">Consensus (office)</span></a>
        </nav>
      </header>
      <main class="ex-main">{office ? <Office /> : <Workspace />}</main>
    </div>
  );
}
