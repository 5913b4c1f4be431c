// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportLifecycle } from '../../../src/export/lifecycle.ts';
import { replayCase, startFold } from '../../../src/cases/replay.ts';
import type { CaseEvent } from '../../../machines/case.events.ts';
import { buildLog, deepStepsArb, happyPath, logArb, makeEvent } from '../cases/fixtures.ts';

/**
 * The SCXML export run by a real, independent interpreter (SCION 4, ecmascript data model): after
 * every event of a log, the interpreter's configuration is exactly replayCase's stage on the log so far.
 */
interface Statechart {
  start(): string[];
  gen(e: { name: string; data: unknown }): string[];
  getConfiguration(): string[];
}
interface Scion {
  documentStringToModel(url: string, doc: string, cb: (err: unknown, model: Model) => void): void;
  core: { Statechart: new (fn: unknown) => Statechart };
}
const scxml = ((await import('@scion-scxml/scxml' as string)) as { default: Scion }).default;

type Model = { prepare(cb: (err: unknown, fn: unknown) => void): void };
const model: Model = await new Promise((resolve, reject) =>
  scxml.documentStringToModel('case.scxml', exportLifecycle('scxml'), (err, m) => (err ? reject(err) : resolve(m))),
);

/** A fresh interpreter: SCION keeps the data model in the prepared model, so prepare one per run. */
async function interpreter(): Promise<Statechart> {
  const fn = await new Promise((resolve, reject) => model.prepare((err, f) => (err ? reject(err) : resolve(f))));
  const sc = new scxml.core.Statechart(fn);
  sc.start();
  return sc;
}

/** Stages after each prefix, by SCION and by replayCase. */
async function both(log: CaseEvent[]): Promise<{ scion: string[]; replay: string[] }> {
  const sc = await interpreter();
  const scion: string[] = [];
  const replay: string[] = [];
  const fold = startFold(); // replayCase's own fold, read after every event
  log.forEach((event, i) => {
    sc.gen({ name: event.type, data: event });
    scion.push(sc.getConfiguration().join(','));
    fold.step(event, i);
    replay.push(fold.view().stage);
  });
  expect(replay.at(-1) ?? 'draft').toBe(replayCase(log).stage);
  return { scion, replay };
}

describe('SCXML export in SCION', () => {
  it('starts in draft', async () => {
    const sc = await interpreter();
    expect(sc.getConfiguration()).toEqual(['draft']);
  });

  it('refuses what replayCase refuses in the four cases the audit found (kind, publicity days, date order, filing)', async () => {
    const individual = happyPath('individual').slice(0, 4); // … pass-material-review → presentation
    const cases: CaseEvent[][] = [
      [...individual, makeEvent('complete-site-review', '2026-03-10')],
      [...happyPath('organization').slice(0, 7), makeEvent('publicity-end', '2026-03-11')],
      [makeEvent('apply', '2026-03-02'), makeEvent('recommend', '2026-03-01')],
      [makeEvent('false-material-found', '2026-03-02')],
    ];
    for (const log of cases) {
      const { scion, replay } = await both(log);
      expect(scion).toEqual(replay);
    }
    expect((await both(cases[0]!)).scion.at(-1)).toBe('presentation');
    expect((await both(cases[1]!)).scion.at(-1)).toBe('publicity');
    expect((await both(cases[2]!)).scion.at(-1)).toBe('recommendation');
    expect((await both(cases[3]!)).scion.at(-1)).toBe('draft');
    expect((await both(happyPath('organization'))).scion.at(-1)).toBe('awarded');
    expect((await both([...happyPath('individual', 'nomination'), makeEvent('revoke', '2026-06-01', { reason: 'incident' })])).scion.at(-1)).toBe('revoked');
  });

  it('fast-check: over thousands of random logs the interpreter holds replayCase’s stage after every event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(logArb(30), deepStepsArb(30).map((s) => buildLog(s))), async (log) => {
        const { scion, replay } = await both(log);
        expect(scion).toEqual(replay);
      }),
      { numRuns: 2000 },
    );
  }, 240_000);
});
