import { assign, setup } from 'xstate';
import type { CaseEvent } from './case.events.ts';
import {
  caseAssignments,
  caseGuards,
  caseInitialStage,
  caseStates,
  initialCaseContext,
  type CaseContext,
  type CaseMachineInput,
  type StageMeta,
} from './case.definition.ts';

/**
 * The award lifecycle of one case as an XState machine (第十条; the stages, transitions, guards and
 * actions are written once in ./case.definition.ts, which the compiled table in src/cases/table.ts
 * also reads without xstate: issue 19). Exports (SCXML, BPMN), the diagram and the engine parity
 * tests walk this machine.
 */
export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseMachineInput | undefined,
    meta: {} as StageMeta,
  },
  guards: caseGuards,
  actions: {
    recordKind: assign(caseAssignments.recordKind),
    recordRecommender: assign(caseAssignments.recordRecommender),
    recordTier: assign(caseAssignments.recordTier),
    startPublicity: assign(caseAssignments.startPublicity),
    recordAward: assign(caseAssignments.recordAward),
    banForFalseMaterial: assign(caseAssignments.banForFalseMaterial),
    banForRevocation: assign(caseAssignments.banForRevocation),
  },
}).createMachine({
  id: 'case',
  initial: caseInitialStage,
  context: ({ input }) => initialCaseContext(input),
  states: caseStates,
});

export type CaseMachine = typeof caseMachine;

export * from './case.definition.ts';
