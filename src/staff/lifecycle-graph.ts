import { toDirectedGraph } from 'xstate/graph';
import { caseMachine, caseStages, type CaseStage, type StageMeta } from '../../machines/case.machine.ts';
import type { Bilingual } from '../core/i18n.ts';

/**
 * The case machine as a plain graph (states and transitions), walked with `toDirectedGraph` from
 * xstate/graph, never written by hand. The staff diagram's layout is computed from it at build time
 * (test/tools/layout-lifecycle.ts) and a unit test compares the committed layout with it.
 */
export interface LifecycleGraphNode {
  id: CaseStage;
  title: Bilingual;
  article: string;
  final: boolean;
}

export interface LifecycleGraphEdge {
  /** `${source}:${event}:${target}` — stable across machine edits that don't change the transition */
  id: string;
  source: CaseStage;
  target: CaseStage;
  event: string;
  guard: string | null;
  /** withdraw / false-material-found: offered in every stage before approval, drawn faintly */
  ubiquitous: boolean;
}

export interface LifecycleGraph {
  nodes: LifecycleGraphNode[];
  edges: LifecycleGraphEdge[];
}

/** Events that every stage before approval accepts (第三条 withdraw, 第十四条 false material). */
export const ubiquitousEvents: readonly string[] = ['withdraw', 'false-material-found'];

const stageOf = (stateNodeId: string): CaseStage => {
  const key = stateNodeId.replace(/^case\./, '');
  if (!(caseStages as readonly string[]).includes(key)) throw new Error(`unknown stage in machine: ${stateNodeId}`);
  return key as CaseStage;
};

export function lifecycleGraph(machine = caseMachine): LifecycleGraph {
  const root = toDirectedGraph(machine);
  const nodes: LifecycleGraphNode[] = root.children.map((child) => {
    const meta = child.stateNode.meta as StageMeta | undefined;
    const id = stageOf(child.id);
    return {
      id,
      title: meta?.title ?? { zh: id, en: id },
      article: meta?.article ?? '',
      final: child.stateNode.type === 'final',
    };
  });
  const edges: LifecycleGraphEdge[] = [];
  for (const child of root.children) {
    for (const edge of child.edges) {
      const source = stageOf(edge.source.id);
      const target = stageOf(edge.target.id);
      const event = edge.transition.eventType;
      const guard = edge.transition.guard;
      edges.push({
        id: `${source}:${event}:${target}`,
        source,
        target,
        event,
        guard: typeof guard === 'string' ? guard : guard && typeof guard === 'object' && 'type' in guard ? String(guard.type) : null,
        ubiquitous: ubiquitousEvents.includes(event),
      });
    }
  }
  return { nodes, edges };
}

/** What a committed layout must agree with: stage ids and `source:event:target` triples, sorted. */
export function lifecycleSignature(graph: { nodes: readonly { id: string }[]; edges: readonly { source: string; target: string; event: string }[] }) {
  return {
    nodes: graph.nodes.map((n) => n.id).sort(),
    edges: graph.edges.map((e) => `${e.source}:${e.event}:${e.target}`).sort(),
  };
}
