import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import layoutJson from '../../../assets/lifecycle-layout.json';
import type { CaseStage } from '../../../machines/case.machine.ts';
import type { CaseView } from '../../cases/replay.ts';
import { centreOn, fitView, panBy, zoomAt, type DiagramView, type Size } from '../../staff/diagram-view.ts';
import type { LifecycleLayout } from '../../staff/layout-types.ts';
import { Bi, plain, t } from './Bi.tsx';
import { citeIn, recite } from '../../awards/cite.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { lang } from '../lang.ts';
import { stageTitlesFor } from '../../../machines/case.stages.ts';
import type { CaseEventType } from '../../../machines/case.events.ts';
import { caseEventLabels, caseEventLabelsFor } from '../../staff/event-labels.ts';

/** Laid out at build time from caseMachine (test/tools/layout-lifecycle.ts); a unit test keeps it in step. */
const layout = layoutJson as unknown as LifecycleLayout;

/** End states (终止结果) of the statechart: the final nodes of the layout. */
const END: ReadonlySet<CaseStage> = new Set(layout.nodes.filter((n) => n.final).map((n) => n.id));

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

/** A legend swatch drawn with the same classes as the diagram, so the legend always matches it. */
function NodeSwatch({ cls }: { cls: string }) {
  return (
    <svg class="sw" width="22" height="14" aria-hidden="true">
      <g class={`node ${cls}`}>
        <rect x="1.5" y="1.5" width="19" height="11" rx={cls.includes('final') ? 4 : 2} />
      </g>
    </svg>
  );
}

function EdgeSwatch({ cls }: { cls: string }) {
  return (
    <svg class="sw" width="22" height="14" aria-hidden="true">
      <g class={`edge ${cls}`}>
        <polyline points="1,7 21,7" />
      </g>
    </svg>
  );
}

/**
 * The legend names only what is drawn: the current stage and the path taken when a case is open, the faint
 * withdrawal / false-material lines when all are shown (the one a case took is drawn as its path).
 */
function Legend({ withPath, withUbiq, pack = defaultPolicy }: { withPath: boolean; withUbiq: boolean; pack?: AwardPack | undefined }) {
  const [voluntary, falseMaterial] = [citeIn(pack, '3'), citeIn(pack, '14')];
  return (
    <figcaption class="legend" data-testid="diagram-legend">
      {withPath && <span class="item"><NodeSwatch cls="current" /> <Bi text={t('当前阶段', 'Current stage')} /></span>}
      {withPath && <span class="item"><NodeSwatch cls="visited" /> <Bi text={t('已办理的阶段', 'Stages passed')} /></span>}
      <span class="item"><NodeSwatch cls="final negative" /> <Bi text={t('终止结果', 'Closing outcome')} /></span>
      {withPath && <span class="item"><NodeSwatch cls="final negative visited" /> <Bi text={t('本案的终止结果', 'This case’s outcome')} /></span>}
      {withPath && <span class="item"><EdgeSwatch cls="taken" /> <Bi text={t('实际流转路径', 'Path taken')} /></span>}
      <span class="item"><EdgeSwatch cls="" /> <Bi text={t('可能的流转', 'Possible next step')} /></span>
      {withUbiq && <span class="item"><EdgeSwatch cls="ubiq" /> <Bi text={t('撤回 / 发现虚假材料', 'Withdrawal / false material')} /></span>}
      <span class="note">
        <Bi
          text={t(
            `${pack.award.terms.approver?.zh ?? ''}批准前，案件在任一阶段均可撤回（${voluntary.zh}，自愿申报），也可因发现虚假材料被取消资格（${falseMaterial.zh}）。`,
            `Before ${pack.award.terms.approver ? `approval by ${pack.award.terms.approver.en}` : 'approval'} a case may be withdrawn at any stage (${voluntary.en}, voluntary) or disqualified for false material (${falseMaterial.en}).`,
          )}
        />
      </span>
    </figcaption>
  );
}

function Drawing({
  view,
  counts,
  onStage,
  highlight,
  showAll,
  pack = defaultPolicy,
}: {
  view: CaseView | null;
  counts?: Record<CaseStage, number>;
  onStage?: (stage: CaseStage) => void;
  highlight: string | null;
  showAll: boolean;
  /** the award whose articles the nodes cite (issue 16); the layout writes the default award's */
  pack?: AwardPack | undefined;
}) {
  const { edges: taken, stages: visited } = pathOf(view);
  // the layout writes the default award's names; the drawn ones are this award's (its committee, its approver)
  const titles = stageTitlesFor(pack.award);
  const events = caseEventLabelsFor(pack.award);
  const edgeText = (e: (typeof layout.edges)[number]) => {
    const own = events[e.event as CaseEventType];
    // English: the award's event name (the layout's Chinese label may add the branch, 组织/个人)
    if (lang.value === 'en' && own) return own.en;
    return own && e.label?.text === caseEventLabels[e.event as CaseEventType]?.zh ? own.zh : e.label?.text;
  };
  const current = view?.stage ?? null;
  const [hlFrom, , hlTo] = highlight ? highlight.split(':') : [];
  return (
    <>
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
          if (e.ubiquitous && !isTaken && !showAll) return null;
          return (
            <g key={e.id} class={`edge${isTaken ? ' taken' : ''}${e.ubiquitous ? ' ubiq' : ''}${highlight === e.id ? ' hl' : ''}`} data-edge={e.id}>
              <polyline points={pts(e.points)} marker-end={isTaken ? 'url(#arrow-taken)' : 'url(#arrow)'} />
              {e.label && (
                <text x={e.label.x + 1} y={e.label.y + 12} class="edge-label">
                  {/* the layout measured the Chinese label; English (one language at a time) is drawn from the award's event labels */}
                  {edgeText(e)}
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
            END.has(n.id) ? 'negative' : '',
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
              <title>{`${plain(titles[n.id])}${count ? ` — ${plain(t(`${count} 件`, `${count} ${count === 1 ? 'case' : 'cases'}`))}` : ''} — ${plain(recite(pack, n.article))}`}</title>
              <rect width={n.width} height={n.height} rx={n.final ? 12 : 5} />
              {lang.value !== 'en' && (
                <text x={9} y={lang.value === 'zh' ? 28 : 19} class="node-zh">
                  {titles[n.id].zh}
                </text>
              )}
              {lang.value !== 'zh' && (
                <text x={9} y={lang.value === 'en' ? 28 : 37} class="node-en">
                  {titles[n.id].en}
                </text>
              )}
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
    </>
  );
}

const drawing: Size = { width: layout.width, height: layout.height };

function nodeCentre(stage: CaseStage | null | undefined): { x: number; y: number } | null {
  const n = layout.nodes.find((x) => x.id === stage);
  return n ? { x: n.x + n.width / 2, y: n.y + n.height / 2 } : null;
}

/**
 * The case lifecycle statechart. In a case (`pane`) it fills its own pane with zoom, pan and fit, and
 * opens at 100 % centred on the current stage; in the year overview it is drawn whole, stages clickable.
 * Current stage blue, stages passed green, end states red (strong once reached), the path taken bold.
 */
export function LifecycleDiagram({
  view,
  counts,
  onStage,
  highlight = null,
  pane = false,
  pack,
}: {
  view: CaseView | null;
  counts?: Record<CaseStage, number>;
  onStage?: (stage: CaseStage) => void;
  /** `source:event:target` of a history row under the pointer: drawn in amber, linked to the history. */
  highlight?: string | null;
  pane?: boolean;
  /** the case's own award (issue 16): node articles are cited in its numbering */
  pack?: AwardPack;
}) {
  const showAll = useSignal(false);
  const current = view?.stage ?? null;
  // the stage in the case's own award's words (its committee, its approver), as the nodes draw it
  const title = current ? stageTitlesFor((pack ?? defaultPolicy).award)[current] : null;
  const label = plain(
    t(`案件办理流程图${title ? `，当前阶段：${title.zh}` : ''}`, `Case procedure diagram${title ? `, current stage: ${title.en}` : ''}`),
  );
  const toggle = (
    <label>
      <input type="checkbox" checked={showAll.value} onChange={(e) => (showAll.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
      <Bi text={t('显示所有撤回与发现虚假材料的流转', 'Show every withdrawal and false-material step')} />
    </label>
  );
  if (!pane) {
    return (
      <figure class="diagram" data-testid="lifecycle-diagram" data-current-stage={current ?? ''}>
        <div class="diagram-tools">{toggle}</div>
        <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width={Math.round(layout.width)} height={Math.round(layout.height)} role="img" aria-label={label}>
          <Drawing view={view} counts={counts} onStage={onStage} highlight={highlight} showAll={showAll.value} pack={pack} />
        </svg>
        <Legend withPath={!!view} withUbiq={showAll.value} pack={pack} />
      </figure>
    );
  }
  return <DiagramPane view={view} highlight={highlight} label={label} toggle={toggle} showAll={showAll.value} pack={pack} />;
}

function DiagramPane({ view, highlight, label, toggle, showAll, pack }: { view: CaseView | null; highlight: string | null; label: string; toggle: preact.JSX.Element; showAll: boolean; pack?: AwardPack | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const vp = useSignal<DiagramView | null>(null);
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const current = view?.stage ?? null;
  const size = (): Size => ({ width: box.current?.clientWidth || 600, height: box.current?.clientHeight || 400 });
  const centre = () => {
    const c = nodeCentre(current ?? 'draft');
    if (c) vp.value = centreOn(c, size(), 1);
  };
  // Opens at 100 % with the current stage in the middle; again when the stage changes.
  useLayoutEffect(centre, [current]);
  // A history row under the pointer: bring its target stage into sight if it is off screen.
  useLayoutEffect(() => {
    const [, , to] = highlight ? highlight.split(':') : [];
    const c = nodeCentre(to as CaseStage);
    const v = vp.peek();
    if (!c || !v) return;
    const s = size();
    const sx = v.x + c.x * v.scale;
    const sy = v.y + c.y * v.scale;
    if (sx < 0 || sy < 0 || sx > s.width || sy > s.height) vp.value = centreOn(c, s, v.scale);
  }, [highlight]);
  const v = vp.value ?? { scale: 1, x: 0, y: 0 };
  const zoom = (factor: number) => (vp.value = zoomAt(v, factor, { x: size().width / 2, y: size().height / 2 }));
  const onKey = (e: KeyboardEvent) => {
    const step = 60;
    const moves: Record<string, () => DiagramView> = {
      ArrowLeft: () => panBy(v, step, 0),
      ArrowRight: () => panBy(v, -step, 0),
      ArrowUp: () => panBy(v, 0, step),
      ArrowDown: () => panBy(v, 0, -step),
      '+': () => zoomAt(v, 1.25, { x: size().width / 2, y: size().height / 2 }),
      '=': () => zoomAt(v, 1.25, { x: size().width / 2, y: size().height / 2 }),
      '-': () => zoomAt(v, 0.8, { x: size().width / 2, y: size().height / 2 }),
      '0': () => fitView(drawing, size()),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      vp.value = move();
    }
  };
  return (
    <figure class="diagram diagram-pane" data-testid="lifecycle-diagram" data-current-stage={current ?? ''} data-scale={v.scale.toFixed(2)}>
      <div class="diagram-tools">
        <div class="zoom-buttons" role="group" aria-label={plain(t('缩放', 'Zoom'))}>
          <button type="button" data-testid="diagram-zoom-out" onClick={() => zoom(0.8)} aria-label={plain(t('缩小', 'Zoom out'))}>−</button>
          <span class="zoom-level" data-testid="diagram-zoom-level">{Math.round(v.scale * 100)}%</span>
          <button type="button" data-testid="diagram-zoom-in" onClick={() => zoom(1.25)} aria-label={plain(t('放大', 'Zoom in'))}>+</button>
          <button type="button" data-testid="diagram-fit" onClick={() => (vp.value = fitView(drawing, size()))}>
            <Bi text={t('全图', 'Show all')} />
          </button>
          <button type="button" data-testid="diagram-centre" onClick={centre}>
            <Bi text={t('回到当前阶段', 'Current stage')} />
          </button>
        </div>
        {toggle}
      </div>
      <div
        class="diagram-viewport"
        ref={box}
        tabIndex={0}
        role="region"
        aria-label={plain(t('办理流程图：方向键平移，+ / − 缩放，0 显示全图', 'Procedure diagram: arrow keys move it, + / − zoom, 0 shows all of it'))}
        onKeyDown={onKey}
        onWheel={(e) => {
          e.preventDefault();
          if (e.ctrlKey || e.metaKey) {
            const r = box.current!.getBoundingClientRect();
            vp.value = zoomAt(v, e.deltaY < 0 ? 1.1 : 1 / 1.1, { x: e.clientX - r.left, y: e.clientY - r.top });
          } else vp.value = panBy(v, -e.deltaX, -e.deltaY);
        }}
        onPointerDown={(e) => {
          if (e.button !== 0 || (e.target as Element).closest('button')) return;
          drag.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
          box.current?.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d || d.id !== e.pointerId) return;
          vp.value = panBy(vp.peek() ?? v, e.clientX - d.x, e.clientY - d.y);
          drag.current = { ...d, x: e.clientX, y: e.clientY };
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <svg width="100%" height="100%" role="img" aria-label={label}>
          <g transform={`translate(${v.x},${v.y}) scale(${v.scale})`}>
            <Drawing view={view} highlight={highlight} showAll={showAll} pack={pack} />
          </g>
        </svg>
      </div>
      <Legend withPath={!!view} withUbiq={showAll} pack={pack} />
    </figure>
  );
}
