import type { AnyStateMachine } from 'xstate';
import type { ApplicantKind, CaseEvent, CaseEventType } from '../../machines/case.events.ts';
import type { CaseContext, CaseStage } from '../../machines/case.definition.ts';
import { caseAssignments, caseGuards, caseInitialStage, caseStates, type CaseStateDef, type CaseTransitionDef } from '../../machines/case.definition.ts';

/**
 * A transition table compiled ONCE from the case machine's definition (states, `on`, guards,
 * assign actions): xstate's `transition()` costs ~18 µs an event, too slow for bulk replay of a
 * year's cases. Nothing here is hand-written lifecycle: change the machine and the table follows;
 * test/unit/cases/engine.test.ts checks the table fold against xstate's own `transition()`.
 */
export interface CompiledTransition {
  guard: string | null;
  target: CaseStage;
  assigners: ((args: { context: CaseContext; event: CaseEvent }) => Partial<CaseContext>)[];
}

export interface CaseTable {
  stages: CaseStage[];
  finals: ReadonlySet<CaseStage>;
  initial: CaseStage;
  on: ReadonlyMap<CaseStage, ReadonlyMap<CaseEventType, readonly CompiledTransition[]>>;
  guards: Record<string, (args: { context: CaseContext; event: CaseEvent }) => boolean>;
  /** Event types that only one applicant kind can ever take (every transition guarded by that kind). */
  kindOnly: ReadonlyMap<CaseEventType, ApplicantKind>;
}

/** Guards that only read the applicant kind from the context (named after 第十条(三)). */
export const kindGuards: Record<string, ApplicantKind> = { isOrganization: 'organization', isIndividual: 'individual' };

type AssignFn = (args: { context: CaseContext; event: CaseEvent }) => unknown;

function compileAssign(name: string, impl: unknown): CompiledTransition['assigners'][number] {
  const action = impl as { type?: string; assignment?: unknown } | undefined;
  if (!action || action.type !== 'xstate.assign') {
    throw new Error(`case machine action "${name}" is not an assign(): the compiled table supports assign actions only`);
  }
  const assignment = action.assignment;
  if (typeof assignment === 'function') return (args) => (assignment as AssignFn)(args) as Partial<CaseContext>;
  const entries = Object.entries(assignment as Record<string, unknown>);
  return (args) => {
    const patch: Record<string, unknown> = {};
    for (const [key, value] of entries) patch[key] = typeof value === 'function' ? (value as AssignFn)(args) : value;
    return patch as Partial<CaseContext>;
  };
}

export function compileCaseTable(machine: AnyStateMachine): CaseTable {
  const root = machine.root;
  const impl = machine.implementations as {
    guards: Record<string, unknown>;
    actions: Record<string, unknown>;
  };
  const stages: CaseStage[] = [];
  const finals = new Set<CaseStage>();
  const on = new Map<CaseStage, Map<CaseEventType, CompiledTransition[]>>();
  const byType = new Map<CaseEventType, CompiledTransition[]>();

  for (const [key, node] of Object.entries(root.states)) {
    const stage = key as CaseStage;
    if (node.type !== 'atomic' && node.type !== 'final') throw new Error(`case stage "${key}" must be atomic or final`);
    if (node.entry.length || node.exit.length || node.after.length || node.always?.length || node.invoke.length) {
      throw new Error(`case stage "${key}" has entry/exit/after/always/invoke: not supported by the compiled table`);
    }
    stages.push(stage);
    if (node.type === 'final') finals.add(stage);
    const table = new Map<CaseEventType, CompiledTransition[]>();
    for (const [eventType, defs] of Object.entries(node.on)) {
      const compiled = defs.map((def): CompiledTransition => {
        const guard = def.guard;
        if (guard !== undefined && typeof guard !== 'string') throw new Error(`case machine guard on "${key}.${eventType}" must be named`);
        if (guard !== undefined && typeof impl.guards[guard] !== 'function') throw new Error(`unknown guard ${guard}`);
        const target = def.target?.[0]?.key;
        if (!target || (def.target?.length ?? 0) !== 1) throw new Error(`case transition "${key}.${eventType}" needs one target`);
        const assigners = def.actions.map((a) => {
          if (typeof a !== 'string') throw new Error(`case machine action on "${key}.${eventType}" must be named`);
          return compileAssign(a, impl.actions[a]);
        });
        return { guard: guard ?? null, target: target as CaseStage, assigners };
      });
      table.set(eventType as CaseEventType, compiled);
      byType.set(eventType as CaseEventType, [...(byType.get(eventType as CaseEventType) ?? []), ...compiled]);
    }
    on.set(stage, table);
  }

  const kindOnly = new Map<CaseEventType, ApplicantKind>();
  for (const [type, list] of byType) {
    const kinds = new Set(list.map((t) => (t.guard ? kindGuards[t.guard] : undefined)));
    const [only] = [...kinds];
    if (kinds.size === 1 && only) kindOnly.set(type, only);
  }

  return {
    stages,
    finals,
    initial: root.initial.target[0]?.key as CaseStage,
    on,
    guards: impl.guards as CaseTable['guards'],
    kindOnly,
  };
}

/**
 * The same table read from the machine's written definition (machines/case.definition.ts), without
 * xstate: what replay uses, so the staff page and the panel fold cases without loading xstate (issue 19).
 * test/unit/cases/engine.test.ts checks it equals compileCaseTable(caseMachine) and folds like xstate.
 */
export function compileCaseDefinition(): CaseTable {
  const stages: CaseStage[] = [];
  const finals = new Set<CaseStage>();
  const on = new Map<CaseStage, Map<CaseEventType, CompiledTransition[]>>();
  const byType = new Map<CaseEventType, CompiledTransition[]>();
  const assigns = caseAssignments as Record<string, Record<string, AssignFn>>;
  for (const [key, state] of Object.entries(caseStates) as [CaseStage, CaseStateDef][]) {
    stages.push(key);
    if (state.type === 'final') finals.add(key);
    const table = new Map<CaseEventType, CompiledTransition[]>();
    for (const [eventType, defs] of Object.entries(state.on ?? {})) {
      const list: readonly CaseTransitionDef[] = Array.isArray(defs) ? defs : [defs as CaseTransitionDef];
      const compiled = list.map((def): CompiledTransition => {
        const assigners = def.actions === undefined ? [] : [compileAssign(def.actions, { type: 'xstate.assign', assignment: assigns[def.actions] })];
        return { guard: def.guard ?? null, target: def.target as CaseStage, assigners };
      });
      table.set(eventType as CaseEventType, compiled);
      byType.set(eventType as CaseEventType, [...(byType.get(eventType as CaseEventType) ?? []), ...compiled]);
    }
    on.set(key, table);
  }
  const kindOnly = new Map<CaseEventType, ApplicantKind>();
  for (const [type, list] of byType) {
    const kinds = new Set(list.map((t) => (t.guard ? kindGuards[t.guard] : undefined)));
    const [only] = [...kinds];
    if (kinds.size === 1 && only) kindOnly.set(type, only);
  }
  return { stages, finals, initial: caseInitialStage, on, guards: caseGuards as CaseTable['guards'], kindOnly };
}
