import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import layoutJson from '../../../assets/lifecycle-layout.json';
import type { CaseStage } from '../../../machines/case.machine.ts';
import type { CaseView } from '../../cases/replay.ts';
import type { LifecycleLayout } from '../../staff/layout-types.ts';
import { Bi, plain, t } from './Bi.tsx';

/** Laid out at build time from caseMachine (test/tools/layout-lifecycle.ts); a unit test keeps it in step. */
const layout = layoutJson as unknown as LifecycleLayout;

const NEGATIVE: ReadonlySet<CaseStage> = new Set(['withdrawn', 'not-recommended', 'not-accepted', 'not-selected', 'disqualified', 'revoked']);

/** Where the case has been: edges taken (`source:event:target`) and stages visited, from the replayed history. */
export function pathOf(view: CaseView | null): { edges: Set<string>; stages: Set<CaseStage> } {
  const edges = new Set<string>();
  const stages = new Set<CaseStage>(['draft']);
  for (const h of view?.history ?? []) {
    edges.add(`${h.from}:${h.event.type}:${h.stage}`);
    stages.add(h.from);
    stages.add(h.stage);
  }
  return { edges, stages };
}

const pts = (points: { x: number; y: number }[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

/**
 * The case lifecycle statechart: current stage (blue), stages passed (green), outcome stages (red
 * when reached), the path taken drawn bold. With `counts`, each stage carries the number of cases in it.
 */
export function LifecycleDiagram({
  view,
  counts,
  onStage,
  highlight = null,
}: {
  view: CaseView | null;
  counts?: Record<CaseStage, number>;
  onStage?: (stage: CaseStage) => void;
  /** `source:event:target` of a history row under the pointer: drawn in amber, linked to the history. */
  highlight?: string | null;
}) {
  const showAll = useSignal(false);
  const { edges: taken, stages: visited } = pathOf(view);
  const current = view?.stage ?? null;
  const [hlFrom, , hlTo] = highlight ? highlight.split(':') : [];
  const scale = 0.86;
  const scroller = useRef<HTMLDivElement>(null);
  // In a case view the drawing is taller than the panel: bring the current stage into sight.
  useLayoutEffect(() => {
    const box = scroller.current;
    const node = box?.querySelector('.node.current');
    if (!box || !node || box.scrollHeight <= box.clientHeight) return;
    const r = node.getBoundingClientRect();
    const c = box.getBoundingClientRect();
    box.scrollTop += r.top - c.top - c.height / 2 + r.height / 2;
  }, [current, view?.history.length]);
  // A history row under the pointer: make sure its transition is in sight.
  useLayoutEffect(() => {
    const box = scroller.current;
    const node = highlight ? box?.querySelector('.node.hl') : null;
    if (!box || !node || box.scrollHeight <= box.clientHeight) return;
    const r = node.getBoundingClientRect();
    const c = box.getBoundingClientRect();
    if (r.top >= c.top && r.bottom <= c.bottom) return;
    box.scrollTop += r.top - c.top - c.height / 3;
  }, [highlight]);
  return (
    <figure class="diagram" data-testid="lifecycle-diagram" data-current-stage={current ?? ''}>
      <div class="diagram-tools">
        <label>
          <input type="checkbox" checked={showAll.value} onChange={(e) => (showAll.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
          <Bi text={t('显示全部撤回 / 虚假材料转移', 'Show every withdraw / false-material transition')} />
        </label>
      </div>
      <div class="diagram-scroll" ref={scroller} tabIndex={0} role="region" aria-label="状态图（可滚动） Statechart (scrollable)">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={Math.round(layout.width * scale)}
          height={Math.round(layout.height * scale)}
          role="img"
          aria-label={plain(t(`案件生命周期状态图${current ? `，当前阶段：${current}` : ''}`, `Case lifecycle statechart${current ? `, current stage: ${current}` : ''}`))}
        >
          <defs>
            <marker id="arrow" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" class="arrow-head" />
            </marker>
            <marker id="arrow-taken" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" class="arrow-head taken" />
            </marker>
          </defs>
          <g class="edges">
            {layout.edges.map((e) => {
              const isTaken = taken.has(e.id);
              if (e.ubiquitous && !isTaken && !showAll.value) return null;
              return (
                <g key={e.id} class={`edge${isTaken ? ' taken' : ''}${e.ubiquitous ? ' ubiq' : ''}${highlight === e.id ? ' hl' : ''}`} data-edge={e.id}>
                  <polyline points={pts(e.points)} marker-end={isTaken ? 'url(#arrow-taken)' : 'url(#arrow)'} />
                  {e.label && (
                    <text x={e.label.x + 2} y={e.label.y + 11} class="edge-label">
                      {e.label.text}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          <g class="nodes">
            {layout.nodes.map((n) => {
              const cls = [
                'node',
                n.final ? 'final' : '',
                NEGATIVE.has(n.id) ? 'negative' : '',
                visited.has(n.id) && view ? 'visited' : '',
                current === n.id ? 'current' : '',
                onStage ? 'clickable' : '',
                n.id === hlFrom || n.id === hlTo ? 'hl' : '',
              ].join(' ');
              const count = counts?.[n.id];
              return (
                <g
                  key={n.id}
                  class={cls}
                  data-stage={n.id}
                  transform={`translate(${n.x},${n.y})`}
                  onClick={onStage ? () => onStage(n.id) : undefined}
                  {...(onStage
                    ? {
                        tabIndex: 0,
                        role: 'button',
                        onKeyDown: (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onStage(n.id)),
                      }
                    : {})}
                >
                  {/* the node's accessible name (SVG: <title> first), with the count drawn in its badge */}
                  <title>{`${n.title.zh} / ${n.title.en}${count ? ` — ${count} 件 / ${count} ${count === 1 ? 'case' : 'cases'}` : ''} — ${n.article}`}</title>
                  <rect width={n.width} height={n.height} rx={n.final ? 12 : 5} />
                  {n.final && <rect class="final-inner" x={3} y={3} width={n.width - 6} height={n.height - 6} rx={9} />}
                  <text x={9} y={19} class="node-zh">
                    {n.title.zh}
                  </text>
                  <text x={9} y={35} class="node-en">
                    {n.title.en}
                  </text>
                  {count !== undefined && count > 0 && (
                    <g class="badge" transform={`translate(${n.width - 4},-6)`}>
                      <rect x={-26} y={0} width={28} height={16} rx={8} />
                      <text x={-12} y={12} text-anchor="middle">
                        {count}
                      </text>
                    </g>
                  )}
                  {current === n.id && (
                    <text x={n.width - 8} y={19} text-anchor="end" class="here">
                      ●
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <figcaption class="legend">
        <span class="sw current" /> <Bi text={t('当前阶段', 'Current stage')} />
        <span class="sw visited" /> <Bi text={t('已经过', 'Passed')} />
        <span class="sw negative" /> <Bi text={t('终止结果', 'Closing outcome')} />
        <span class="sw taken" /> <Bi text={t('实际路径', 'Path taken')} />
        <span class="note">
          <Bi
            text={t(
              '市政府批准前任一阶段均可“撤回”（第三条 自愿申报）或因“发现虚假材料”取消资格（第十四条）。',
              'Before government approval any stage may end in withdrawal (第三条, voluntary) or disqualification for false material (第十四条).',
            )}
          />
        </span>
      </figcaption>
    </figure>
  );
}
