// @vitest-environment node
import { bench, describe } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { replayCase } from '../../src/cases/replay.ts';
import { replayYear, summarizeYear } from '../../src/cases/year.ts';
// @ts-expect-error -- plain JS fixture shared with the staff bench (typed just below)
import { generateCases as generate } from './fixtures/cases.mjs';
import type { CaseEvent } from '../../machines/case.events.ts';
import '../../src/cases/xstate-engine.ts'; // replay's engine: 'xstate' (the reference)

/** 10 000 cases × ~20 events: a full lifecycle with a return, refusals and a revocation here and there. */
function makeCase(i: number): CaseEvent[] {
  const kind = i % 4 === 0 ? 'individual' : 'organization';
  const d = (n: number) => addDays('2026-01-05', (i % 60) + n);
  const events: CaseEvent[] = [
    { type: 'apply', on: d(0), kind },
    { type: 'return', on: d(1) },
    { type: 'apply', on: d(2), kind },
    { type: 'accept', on: d(3) }, // refused: wrong stage
    { type: 'recommend', on: d(4), by: '海州区人民政府' },
    { type: 'accept', on: d(6) },
    { type: 'recommend', on: d(5), by: 'x' }, // refused: out of order
    { type: 'pass-material-review', on: d(10) },
    { type: 'complete-site-review', on: d(14) }, // refused for individuals
    { type: 'complete-presentation', on: d(15) }, // refused for organisations
    { type: 'propose', on: d(20), tier: i % 3 === 0 ? 'award' : 'nomination' },
    { type: 'committee-approve', on: d(30) },
    { type: 'publicity-end', on: d(35) }, // refused: too short
    { type: 'publicity-end', on: d(37) },
    { type: 'government-approve', on: d(45) },
    { type: 'withdraw', on: d(46) }, // refused: after approval
    { type: 'revoke', on: d(400), reason: i % 2 ? 'fraud' : 'incident' },
    { type: 'apply', on: d(401), kind }, // refused: closed
    { type: 'accept', on: d(402) },
    { type: 'recommend', on: d(403), by: 'y' },
  ];
  return i % 5 === 0 ? events.slice(0, 16) : events;
}

const cases = Array.from({ length: 10_000 }, (_, i) => makeCase(i));
const events = cases.reduce((n, c) => n + c.length, 0);

describe(`replay ${cases.length} cases, ${events} events`, () => {
  bench('replayCase × 10 000 (compiled table)', () => {
    for (const c of cases) replayCase(c);
  }, { iterations: 5 });

  bench('replayCase × 1 000 via xstate transition() (reference engine, 1/10 of the load)', () => {
    for (let i = 0; i < 1_000; i++) replayCase(cases[i]!, { engine: 'xstate' });
  }, { iterations: 3 });

  bench('replayYear: 10 000 cases over 20 award years with quotas', () => {
    replayYear(cases.map((events, i) => ({ id: `c${i}`, year: 2006 + (i % 20), events })));
  }, { iterations: 3 });
});

type Generated = { header: { id: string; year: number; kind: 'organization' | 'individual' }; events: CaseEvent[] }[];
const generateCases = generate as (count: number) => Generated;

// One award year as the staff page holds it: 2,000 cases, ~39,000 events, ~1,400 government approvals
// racing for the 第四条 quota (test/bench/fixtures/cases.mjs, the same data as the 10,000-case staff bench).
const oneYear = generateCases(10_000)
  .filter((c) => c.header.year === 2024)
  .map((c) => ({ id: c.header.id, year: c.header.year, kind: c.header.kind, events: c.events }));
const approvals = oneYear.reduce((n, c) => n + c.events.filter((e) => e.type === 'government-approve').length, 0);

describe(`one award year: ${oneYear.length} cases, ${oneYear.reduce((n, c) => n + c.events.length, 0)} events, ${approvals} approvals`, () => {
  bench('replayYear (date-merged replay with the quota gate)', () => {
    replayYear(oneYear);
  }, { iterations: 10 });

  bench('summarizeYear (each case on its own)', () => {
    summarizeYear(oneYear);
  }, { iterations: 10 });
});
