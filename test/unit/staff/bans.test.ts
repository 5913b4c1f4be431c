import { describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/replay.ts';
import { bansFromCases } from '../../../src/cases/staff.ts';
import { bansFromViews } from '../../../src/staff/bans.ts';
// @ts-expect-error -- plain JS fixture shared with the benches (typed just below)
import { generateCases as generate } from '../../bench/fixtures/cases.mjs';
import type { CaseEventInput } from '../../../machines/case.events.ts';

type Generated = { header: { id: string; applicantName: string; kind: 'organization' | 'individual' }; events: CaseEventInput[] }[];
const generateCases = generate as (count: number, options?: { seed?: number }) => Generated;

/** Bench fixture logs plus false-material disqualifications, so every cause (第十四–十六条) occurs. */
function fixture() {
  const cases = generateCases(400, { seed: 7 }).map((c, i) => ({
    id: c.header.id,
    applicant: i % 3 ? c.header.applicantName : null,
    kind: c.header.kind,
    events: (i % 17 === 0 ? [c.events[0]!, { type: 'false-material-found', on: c.events[1]!.on }] : c.events) as CaseEventInput[],
  }));
  return cases;
}

describe('bansFromViews agrees with bansFromCases', () => {
  it.each([undefined, '2026-11-26', '2029-01-01'])('same bans, same order (asOf %s)', (asOf) => {
    const cases = fixture();
    const expected = bansFromCases(cases, asOf ? { asOf } : undefined);
    const actual = bansFromViews(
      cases.map((c) => ({ caseId: c.id, applicant: c.applicant, kind: c.kind, view: replayCase(c.events) })),
      asOf ? { asOf } : undefined,
    );
    expect(actual).toEqual(expected);
    if (!asOf) expect(new Set(expected.map((b) => b.cause))).toEqual(new Set(['won-mayor-award', 'disqualified-false-material', 'revoked-fraud', 'revoked-incident']));
  });
});
