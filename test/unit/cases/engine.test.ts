import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/replay.ts';
import { compileCaseDefinition, compileCaseTable } from '../../../src/cases/table.ts';
import { caseMachine } from '../../../machines/case.machine.ts';
import { setup } from 'xstate';
import { logArb } from './fixtures.ts';
import '../../../src/cases/xstate-engine.ts'; // replay's engine: 'xstate' (the reference)

describe('the compiled table is the machine', () => {
  it('folds exactly like xstate’s own transition() on random logs', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(logArb(30), (log) => {
        expect(replayCase(log, { engine: 'table' })).toEqual(replayCase(log, { engine: 'xstate' }));
      }),
      { numRuns: 1_500 },
    );
  });

  it('lists the same transitions as the machine definition', () => {
    const table = compileCaseTable(caseMachine);
    for (const [stage, node] of Object.entries(caseMachine.root.states)) {
      const row = table.on.get(stage as never)!;
      expect([...row.keys()]).toEqual(Object.keys(node.on));
      for (const [type, defs] of Object.entries(node.on)) {
        expect(row.get(type as never)!.map((t) => [t.guard, t.target])).toEqual(defs.map((d) => [d.guard ?? null, d.target![0]!.key]));
      }
    }
    expect(table.kindOnly.get('complete-site-review')).toBe('organization');
    expect(table.kindOnly.get('complete-presentation')).toBe('individual');
    expect(table.kindOnly.has('pass-material-review')).toBe(false);
  });

  it('the table replay uses, read from the written definition without xstate, is the one compiled from the machine (issue 19)', () => {
    const fromMachine = compileCaseTable(caseMachine);
    const fromDefinition = compileCaseDefinition();
    const shape = (t: typeof fromMachine) => ({
      stages: t.stages,
      finals: [...t.finals],
      initial: t.initial,
      on: [...t.on].map(([stage, row]) => [stage, [...row].map(([type, list]) => [type, list.map((x) => [x.guard, x.target, x.assigners.length])])]),
      guards: t.guards,
      kindOnly: [...t.kindOnly],
    });
    expect(shape(fromDefinition)).toEqual(shape(fromMachine));
  });

  it('refuses to compile a machine it cannot fold faithfully (entry actions)', () => {
    const m = setup({ actions: { log: () => {} } }).createMachine({ initial: 'a', states: { a: { entry: 'log' } } });
    expect(() => compileCaseTable(m)).toThrow(/entry/);
  });
});
