/**
 * Lays out the case lifecycle diagram at build time (so the staff page never runs elkjs):
 * caseMachine → toDirectedGraph (src/staff/lifecycle-graph.ts) → elkjs layered → assets/lifecycle-layout.json.
 * Pipeline after statelyai/xstate-viz (src/graphUtils.ts), without the DOM: box sizes are computed
 * from the label lengths instead of measured.
 *
 *   npx tsx test/tools/layout-lifecycle.ts          write the asset
 *   npx tsx test/tools/layout-lifecycle.ts --check  exit 1 if the committed asset is stale
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api';
import { lifecycleGraph, type LifecycleGraph } from '../../src/staff/lifecycle-graph.ts';
import { caseEventLabels, caseEventLabelsFor } from '../../src/staff/event-labels.ts';
import { stageTitlesFor } from '../../machines/case.stages.ts';
import { defaultPolicy } from '../../src/policy/index.ts';
import { LIFECYCLE_LAYOUT_FORMAT, type LifecycleLayout, type LayoutPoint } from '../../src/staff/layout-types.ts';
import type { CaseEventType } from '../../machines/case.events.ts';

export const LAYOUT_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/lifecycle-layout.json');

/** Rough text width without a DOM: CJK glyphs are square, Latin about 0.58 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.58;
  return Math.ceil(w);
}

/** Guards that split one event by applicant kind (第十条(三)): say which branch a label is. */
const guardNotes: Record<string, string> = { isOrganization: '组织', isIndividual: '个人' };
const LAST_BEFORE_AWARD = 'approval';
const TITLE_PX = 14;
const SUB_PX = 12;
const LABEL_PX = 12;

type Box = { x: number; y: number; width: number; height: number };

/** A straight connector between the facing sides of two boxes. */
function connector(a: Box, b: Box): LayoutPoint[] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const clip = (box: Box, from: LayoutPoint, to: LayoutPoint): LayoutPoint => {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const tx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
    const ty = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
    const t = Math.min(tx, ty, 1);
    return { x: Math.round((from.x + dx * t) * 10) / 10, y: Math.round((from.y + dy * t) * 10) / 10 };
  };
  return [clip(a, ca, cb), clip(b, cb, ca)];
}

export async function layoutLifecycle(graph: LifecycleGraph = lifecycleGraph()): Promise<LifecycleLayout> {
  const elk = new ELK();
  // the page draws the default award's own names (its approver, its committee), one language at a time (issue 13)
  const drawnTitles = stageTitlesFor(defaultPolicy.award);
  const drawnEvents = caseEventLabelsFor(defaultPolicy.award);
  const children: ElkNode[] = graph.nodes.map((n) => ({
    id: n.id,
    width: Math.max(textWidth(n.title.zh, TITLE_PX), textWidth(drawnTitles[n.id]?.zh ?? '', TITLE_PX), textWidth(n.title.en, SUB_PX), textWidth(drawnTitles[n.id]?.en ?? '', SUB_PX), textWidth(n.article, SUB_PX)) + 20,
    height: 48,
  }));
  // Withdraw / false-material edges leave every stage before approval. ELK routes only those from the
  // last such stage (so the two exits sit at the end of the flow); the others become straight
  // connectors, hidden on the page unless a case took one (the legend explains them).
  const routed = (e: LifecycleGraph['edges'][number]) => !e.ubiquitous || e.source === LAST_BEFORE_AWARD;
  const edges: ElkExtendedEdge[] = graph.edges.filter(routed).map((e) => {
    const base = caseEventLabels[e.event as CaseEventType]?.zh ?? e.event;
    const text = e.guard && guardNotes[e.guard] ? `${base}（${guardNotes[e.guard]}）` : base;
    return {
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      // the label is drawn in one language at a time (issue 13): room for the longer of the two, so English is not cut off
      labels: [{ id: `${e.id}#label`, text, width: Math.max(textWidth(text, LABEL_PX), textWidth(drawnEvents[e.event as CaseEventType]?.en ?? caseEventLabels[e.event as CaseEventType]?.en ?? '', LABEL_PX)) + 6, height: 16 }],
    };
  });
  const root: ElkNode = {
    id: 'case',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // The machine's order is the lifecycle's order: `return` (back to draft) is the edge to reverse.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '18',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.edgeLabel': '2',
      'elk.edgeLabels.inline': 'false',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children,
    edges,
  };
  const out = await elk.layout(root);
  const round = (v: number | undefined) => Math.round((v ?? 0) * 10) / 10;
  const nodes = graph.nodes.map((n) => {
    const laid = out.children?.find((c) => c.id === n.id);
    if (!laid) throw new Error(`elk lost node ${n.id}`);
    return { id: n.id, x: round(laid.x), y: round(laid.y), width: round(laid.width), height: round(laid.height), final: n.final, title: n.title, article: n.article };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const laidEdges = graph.edges.map((e) => {
    if (!routed(e)) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) throw new Error(`edge ${e.id} joins unknown stages`);
      return { id: e.id, source: e.source, target: e.target, event: e.event, ubiquitous: true, points: connector(a, b), label: null };
    }
    const laid = (out.edges ?? []).find((x) => x.id === e.id) as ElkExtendedEdge | undefined;
    if (!laid?.sections?.[0]) throw new Error(`elk lost edge ${e.id}`);
    const s = laid.sections[0];
    const points: LayoutPoint[] = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: round(p.x), y: round(p.y) }));
    const l = laid.labels?.[0];
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      event: e.event,
      ubiquitous: e.ubiquitous,
      points,
      label: l ? { text: l.text ?? '', x: round(l.x), y: round(l.y), width: round(l.width), height: round(l.height) } : null,
    };
  });
  return { format: LIFECYCLE_LAYOUT_FORMAT, width: round(out.width), height: round(out.height), nodes, edges: laidEdges };
}

export const serializeLayout = (layout: LifecycleLayout): string => `${JSON.stringify(layout, null, 1)}\n`;

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const text = serializeLayout(await layoutLifecycle());
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(LAYOUT_PATH) ? fs.readFileSync(LAYOUT_PATH, 'utf8') : '';
    if (committed !== text) {
      console.error('assets/lifecycle-layout.json is stale: run npx tsx test/tools/layout-lifecycle.ts');
      process.exit(1);
    }
    console.log('lifecycle layout up to date');
  } else {
    fs.writeFileSync(LAYOUT_PATH, text);
    console.log(`wrote ${path.relative(process.cwd(), LAYOUT_PATH)}`);
  }
}
