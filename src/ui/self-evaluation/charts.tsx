import { formatScore } from '../../self-evaluation/index.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { lang, tx } from '../lang.ts';

export interface CategoryPoint {
  id: string;
  name: Bilingual;
  short?: Bilingual;
  points: number;
  score: number;
}


/**
 * The seven categories as a radar: each spoke is scaled to its category's points, so the outer
 * ring is full marks and the filled shape is the score (score vs points at a glance). Hand-made SVG.
 */
export function RadarChart({ categories, size = 300, title }: { categories: CategoryPoint[]; size?: number; title?: Bilingual }) {
  // wider than tall: the labels of the near-horizontal spokes (4.3, 4.6) need room at 360 px
  const width = size + 80;
  const cx = width / 2;
  const cy = size / 2 + 4;
  const r = size / 2 - 56;
  const n = categories.length;
  const at = (k: number, f: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return [cx + Math.cos(angle) * r * f, cy + Math.sin(angle) * r * f] as const;
  };
  const poly = (f: (k: number) => number) => categories.map((_, k) => at(k, f(k)).map((v) => v.toFixed(1)).join(',')).join(' ');
  const desc = categories.map((c) => `${c.id} ${tx(c.name)} ${formatScore(c.score)}/${c.points}`).join(lang.value === 'en' ? '; ' : '；');
  const heading = title ?? { zh: '七大类目得分', en: 'Category scores' };
  return (
    <svg class="se-radar" viewBox={`0 0 ${width} ${size + 8}`} role="img" aria-label={`${tx(heading)}${lang.value === 'en' ? ': ' : '：'}${desc}`} data-testid="radar-chart">
      <title>{tx(heading)}</title>
      {[0.2, 0.4, 0.6, 0.8, 1].map((f) => (
        <polygon key={f} points={poly(() => f)} class={f === 1 ? 'se-radar-full' : 'se-radar-ring'} />
      ))}
      {categories.map((_, k) => {
        const [x, y] = at(k, 1);
        return <line key={k} x1={cx} y1={cy} x2={x} y2={y} class="se-radar-spoke" />;
      })}
      <polygon points={poly((k) => Math.min(1, categories[k]!.score / categories[k]!.points))} class="se-radar-score" data-testid="radar-score" />
      {categories.map((c, k) => {
        const [x, y] = at(k, 1.16);
        const anchor = Math.abs(x - cx) < 8 ? 'middle' : x > cx ? 'start' : 'end';
        return (
          <text key={c.id} x={x} y={y} text-anchor={anchor} class="se-radar-label">
            <tspan x={x} dy="-0.2em">{`${c.id} ${tx(c.short ?? c.name)}`}</tspan>
            <tspan x={x} dy="1.15em" class="se-radar-value">{`${formatScore(c.score)}/${c.points}`}</tspan>
          </text>
        );
      })}
    </svg>
  );
}

/** Process (4.1–4.6) and results (4.7) as bars on one scale: the tracks are 600 and 400 points long. */
export function SplitBars({ process, results, processPoints, resultsPoints }: { process: number; results: number; processPoints: number; resultsPoints: number }) {
  const width = 300;
  const labelW = 92;
  const scale = (width - labelW - 8) / Math.max(processPoints, resultsPoints);
  const bar = (y: number, label: string, value: number, points: number, testid: string) => (
    <g data-testid={testid}>
      <text x={0} y={y + 13} class="se-bar-label">{label}</text>
      <rect x={labelW} y={y} width={points * scale} height={18} class="se-bar-track" />
      <rect x={labelW} y={y} width={Math.min(points, value) * scale} height={18} class="se-bar-fill" />
      <text x={labelW + 4} y={y + 32} class="se-bar-value">{`${formatScore(value)} / ${points}`}</text>
    </g>
  );
  return (
    <svg class="se-bars" viewBox={`0 0 ${width} 92`} role="img" aria-label={tx({ zh: `过程类 ${formatScore(process)}/${processPoints}，结果类 ${formatScore(results)}/${resultsPoints}`, en: `Process ${formatScore(process)}/${processPoints}, results ${formatScore(results)}/${resultsPoints}` })}>
      <title>{tx({ zh: '过程与结果', en: 'Process vs results' })}</title>
      {bar(4, tx({ zh: '过程', en: 'Process' }), process, processPoints, 'bar-process')}
      {bar(50, tx({ zh: '结果', en: 'Results' }), results, resultsPoints, 'bar-results')}
    </svg>
  );
}
