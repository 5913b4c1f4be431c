import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { caseMachine, type CaseContext, type CaseStage } from '../../machines/case.machine.ts';
import { registerXStateEngine } from './replay.ts';

/**
 * Registers xstate's own transition() as replay's `engine: 'xstate'`: the reference the compiled
 * table is checked against (test/unit/cases/engine.test.ts) and the bench's slow path. Imported only
 * by tests and the bench, so no page loads xstate to replay a case (issue 19).
 */
type Snapshot = SnapshotFrom<typeof caseMachine>;
const wrap = (s: Snapshot) => ({ xstate: s });

registerXStateEngine({
  initial: (policy) => wrap(initialTransition(caseMachine, { policy })[0]),
  decide: (snapshot, event) => {
    const current = snapshot.xstate as Snapshot;
    const [next] = transition(caseMachine, current, event);
    if (next === current) return null;
    return { stage: next.value as CaseStage, context: next.context as CaseContext, snapshot: wrap(next) };
  },
});
