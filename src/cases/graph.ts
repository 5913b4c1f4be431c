import type { AnyStateMachine } from 'xstate';
import type { StageMeta } from '../../machines/case.machine.ts';

/** A plain view of a flat machine's definition, for the SCXML and BPMN exports. */
export interface LifecycleStage {
  id: string;
  final: boolean;
  meta: StageMeta | null;
  transitions: LifecycleTransition[];
}

export interface LifecycleTransition {
  event: string;
  target: string;
  guard: string | null;
  actions: string[];
}

export interface LifecycleGraph {
  id: string;
  initial: string;
  stages: LifecycleStage[];
}

/** Walks `machine.root.states` and each state's `on` transitions, in definition order. */
export function lifecycleGraph(machine: AnyStateMachine): LifecycleGraph {
  const root = machine.root;
  const stages = Object.entries(root.states).map(([key, node]): LifecycleStage => ({
    id: key,
    final: node.type === 'final',
    meta: (node.meta as StageMeta | undefined) ?? null,
    transitions: Object.entries(node.on).flatMap(([event, defs]) =>
      defs.map((def) => ({
        event,
        target: def.target?.[0]?.key ?? key,
        guard: typeof def.guard === 'string' ? def.guard : def.guard ? 'guard' : null,
        actions: def.actions.map((a) => (typeof a === 'string' ? a : 'action')),
      })),
    ),
  }));
  return { id: root.key, initial: root.initial.target[0]?.key ?? stages[0]?.id ?? '', stages };
}

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
