import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { getShortestPaths, getSimplePaths, toDirectedGraph } from 'xstate/graph';
import { addDays } from '../../../src/core/dates.ts';
import { caseEventTypes, type CaseEvent } from '../../../machines/case.events.ts';
import { caseMachine, caseStages, type CaseStage } from '../../../machines/case.machine.ts';
import { replayCase } from '../../../src/cases/replay.ts';
import { guardRefusals } from '../../../src/cases/reasons.ts';
import { lianyungang2021 } from '../../../src/policy/index.ts';
import { makeEvent } from '../cases/fixtures.ts';
import '../../../src/cases/xstate-engine.ts'; // replay's engine: 'xstate' (the reference)

const BASE = '2026-04-01';
/** Paths start with xstate's own init step; the case log holds only case events. */
const isCaseEvent = (e: { type: string }): e is CaseEvent => e.type !== 'xstate.init';
type Snap = ReturnType<typeof initialTransition<typeof caseMachine>>[0];

/** Every event type the machine knows, dated so that the log stays in order (publicity runs its 7 days). */
function eventsFor(snapshot: Snap): CaseEvent[] {
  const started = snapshot.context.publicityStartedOn;
  const on = started ? addDays(started, lianyungang2021.lifecycle.publicityDays) : BASE;
  return caseEventTypes.flatMap((type) =>
    type === 'apply'
      ? [makeEvent(type, on, { kind: 'organization' }), makeEvent(type, on, { kind: 'individual' })]
      : type === 'propose'
        ? [makeEvent(type, on, { tier: 'award' }), makeEvent(type, on, { tier: 'nomination' })]
        : type === 'revoke'
          ? [makeEvent(type, on, { reason: 'fraud' }), makeEvent(type, on, { reason: 'incident' })]
          : [makeEvent(type, on)],
  );
}

const serializeState = (s: Snap) => `${String(s.value)}|${s.context.kind ?? '-'}`;
const paths = getShortestPaths(caseMachine, { events: eventsFor, serializeState });
const finals: CaseStage[] = ['withdrawn', 'not-recommended', 'not-accepted', 'not-selected', 'disqualified', 'revoked'];

describe('case machine definition', () => {
  it('has exactly the contract stages as top-level states, in lifecycle order', () => {
    expect(Object.keys(caseMachine.root.states)).toEqual([...caseStages]);
  });

  it('marks the contract final stages final, and awarded is not final (it can be revoked)', () => {
    const finalStages = caseStages.filter((s) => caseMachine.states[s]!.type === 'final');
    expect(finalStages).toEqual(finals);
    expect(caseMachine.states.awarded!.type).toBe('atomic');
  });

  it('names every guard after its rule and explains every guard refusal', () => {
    const guards = Object.keys(caseMachine.implementations.guards);
    expect(guards).toEqual(expect.arrayContaining(['isOrganization', 'isIndividual', 'publicityRanItsDays']));
    for (const g of guards) expect(guardRefusals[g], g).toBeTypeOf('function');
  });

  it('only uses event types of the contract', () => {
    const used = new Set(Object.values(caseMachine.root.states).flatMap((n) => Object.keys(n.on)));
    for (const t of used) expect(caseEventTypes).toContain(t);
    expect([...used].sort()).toEqual([...caseEventTypes].sort());
  });

  it('draws as a directed graph (for the staff page)', () => {
    const g = toDirectedGraph(caseMachine);
    expect(g.children.map((c) => c.id.replace('case.', ''))).toEqual([...caseStages]);
    expect(g.children.find((c) => c.id === 'case.publicity')!.edges.map((e) => e.target.id)).toContain('case.approval');
  });

  it('reads publicity days from the policy passed as input', () => {
    const longer = { ...lianyungang2021, lifecycle: { ...lianyungang2021.lifecycle, publicityDays: 10 } };
    let [s] = initialTransition(caseMachine, { policy: longer });
    expect(s.context.rules.publicityDays).toBe(10);
    s = s.machine.resolveState({ value: 'publicity', context: { ...s.context, kind: 'organization', publicityStartedOn: '2026-10-01' } });
    expect(transition(caseMachine, s, { type: 'publicity-end', on: '2026-10-10' })[0].value).toBe('publicity');
    expect(transition(caseMachine, s, { type: 'publicity-end', on: '2026-10-11' })[0].value).toBe('approval');
  });
});

describe('every stage is reachable (xstate/graph shortest paths)', () => {
  const reached = new Set(paths.map((p) => String(p.state.value)));

  it('reaches each stage of the contract', () => {
    expect([...reached].sort()).toEqual([...caseStages].sort());
  });

  it('reaches each final stage for both applicant kinds', () => {
    for (const f of finals.filter((f) => f !== 'withdrawn')) {
      expect(paths.some((p) => p.state.value === f && p.state.context.kind === 'organization'), f).toBe(true);
      expect(paths.some((p) => p.state.value === f && p.state.context.kind === 'individual'), f).toBe(true);
    }
  });

  it('reaches site review only as an organisation and presentation only as an individual', () => {
    const kinds = (stage: string) => new Set(paths.filter((p) => p.state.value === stage).map((p) => p.state.context.kind));
    expect(kinds('site-review')).toEqual(new Set(['organization']));
    expect(kinds('presentation')).toEqual(new Set(['individual']));
  });

  for (const path of paths) {
    const events = path.steps.map((s) => s.event).filter(isCaseEvent);
    const label = `${serializeState(path.state)} via ${events.map((e) => e.type).join(' → ') || '(empty log)'}`;
    it(`replayCase lands on ${label}`, () => {
      const view = replayCase(events);
      expect(view.rejected).toEqual([]);
      expect(view.stage).toBe(path.state.value);
      expect(view.kind).toBe(path.state.context.kind);
      expect(view.final).toBe(finals.includes(view.stage));
      expect(replayCase(events, { engine: 'xstate' })).toEqual(view);
    });
  }
});

describe('simple paths to awarded', () => {
  it('every simple path to awarded passes the kind’s review and a full publicity', () => {
    const simple = getSimplePaths(caseMachine, {
      events: eventsFor,
      serializeState: (s) => `${String(s.value)}|${s.context.kind ?? '-'}`,
      toState: (s) => s.value === 'awarded',
    });
    expect(simple.length).toBeGreaterThan(0);
    for (const p of simple) {
      const types = p.steps.map((s) => s.event.type);
      const review = p.state.context.kind === 'organization' ? 'complete-site-review' : 'complete-presentation';
      expect(types).toContain(review);
      expect(types).toContain('publicity-end');
      const view = replayCase(p.steps.map((s) => s.event).filter(isCaseEvent));
      expect(view.stage).toBe('awarded');
    }
  });
});

describe('stage articles (checked against the measures, 第十条)', () => {
  const articleOf = (stage: CaseStage) => (caseMachine.states[stage]!.meta as { article: string }).article;

  it('comprehensive evaluation cites 第十条(五), where the measures form the 综合评价报告 and the proposed list', () => {
    // (四) is the expert group's report; (五) is the office's comprehensive evaluation and proposal.
    expect(articleOf('comprehensive-evaluation')).toBe('第十条(四)–(五)');
    expect(articleOf('committee')).toBe('第十条(五)');
    expect(articleOf('publicity')).toBe('第十条(五)');
    expect(articleOf('approval')).toBe('第十条(六)');
  });
});
