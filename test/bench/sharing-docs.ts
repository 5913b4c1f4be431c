// The office's documents for N generated award years (issue 20, Deliver 6): 2,000 cases a year, ~20 events
// each (test/bench/fixtures/cases.mjs), turned into the CouchDB documents the extension's replicator writes
// (src/sharing/documents.ts toDoc). Shared by the Node bench (sharing-years.ts) and the browser bench
// (sharing-browser.ts), so both replicate exactly the same data.
// @ts-expect-error plain .mjs bench tools
import { generateCases } from './fixtures/cases.mjs';
import { judgeDoc, toDoc } from '../../src/sharing/documents.ts';
import { defaultAwardId, refOf, versionInForce } from '../../src/awards/index.ts';

export interface OfficeDocs {
  cases: number;
  events: number;
  /** documents the import schemas would refuse (expected 0) */
  refused: number;
  docs: Array<Record<string, unknown>>;
}

export function officeDocs(yearsWanted: number, perYear = 2000): OfficeDocs {
  const years = Array.from({ length: yearsWanted }, (_, i) => 2026 - yearsWanted + 1 + i);
  const award = refOf(versionInForce(defaultAwardId, '2026-06-01'));
  const cases = generateCases(yearsWanted * perYear, { seed: 2020, years }) as Array<{ header: Record<string, unknown> & { id: string; year: number }; events: Array<Record<string, unknown> & { on: string }> }>;
  const docs: Array<Record<string, unknown>> = [];
  let refused = 0;
  for (const c of cases) {
    const header = { id: c.header.id, year: c.header.year, kind: c.header.kind, applicantName: c.header.applicantName, creditCode: c.header.creditCode ?? null, recommender: c.header.recommender ?? null, createdAt: String(c.header.createdAt), award };
    const all = [toDoc({ kind: 'case', record: header } as never), ...c.events.map((event, i) => toDoc({ kind: 'event', record: { caseId: c.header.id, event, recordedAt: `${event.on}T0${Math.floor(i / 60) % 10}:${String(i % 60).padStart(2, '0')}:00.000Z`, recordedBy: 'bench' } } as never))];
    for (const d of all) {
      if (!judgeDoc({ ...d, _rev: '1-x' }).ok) refused++;
      docs.push(d as never);
    }
  }
  return { cases: cases.length, events: docs.length - cases.length, refused, docs };
}
