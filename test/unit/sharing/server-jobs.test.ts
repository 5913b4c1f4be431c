// @vitest-environment node
// The office's copies as CouchDB's own replication jobs (issue 20): `_replicator` documents the server runs
// with the clerk's account while no console is open. The test server (express-pouchdb 4.2 with PouchDB 9)
// cannot run them (README "Replication jobs on the server"), so these tests hold the documents themselves
// to what the console does: the same doc_ids out, the same take-back rule back (Mango matched as CouchDB does).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// @ts-expect-error no types; the Mango matcher PouchDB and its server use
import { matchesSelector } from 'pouchdb-selector-core';
import { audiences, applicantDatabase, hexName, expertDatabase, recommenderDatabase, takesBack } from '../../../src/sharing/audiences.ts';
import { replicationJobs, takeBackSelector } from '../../../src/sharing/server-jobs.ts';

const server = { url: 'https://couch.example.gov.cn:6984/', user: '王科员', password: 'pw-clerk', roles: ['award-clerk'] };
const docs = [
  { _id: 'case:c1', kind: 'case', record: { id: 'c1', year: 2026, recommender: '海州区人民政府', applicantName: '连云港申报甲公司' } },
  { _id: 'case:c2', kind: 'case', record: { id: 'c2', year: 2026, recommender: '灌云县人民政府', applicantName: '灌云申报乙公司' } },
  { _id: 'assignment:c1', kind: 'assignment', record: { id: 'c1', experts: [{ id: 'expert-a' }] } },
  { _id: 'scorebook:s1', kind: 'scorebook', record: { expert: { id: 'expert-a' } } },
  { _id: 'scorebook:s2', kind: 'scorebook', record: { expert: { id: 'expert-b' } } },
];
const eventsOf = (id: string) => [`event:${id}:1`, `event:${id}:2`];

describe('replication jobs on the server (issue 20)', () => {
  const list = audiences(docs, eventsOf);
  const jobs = replicationJobs(list, server);

  it('writes one continuous job per person and direction, run as the clerk, each copying exactly what the console copies', () => {
    const byId = new Map(jobs.map((j) => [j._id, j]));
    expect(jobs.every((j) => j.continuous === true && j.user_ctx.name === '王科员' && j.user_ctx.roles.join() === 'award-clerk')).toBe(true);
    expect(new Set(jobs.map((j) => j._id)).size).toBe(jobs.length);
    for (const a of list) {
      const to = byId.get(`award-job-${hexName('王科员')}-${a.database.slice('award-'.length)}-to`);
      if (a.kind === 'applicant') expect(to).toBeUndefined(); // an applicant's database gets nothing from the office
      else {
        expect(to?.source.url).toBe('https://couch.example.gov.cn:6984/award-office');
        expect(to?.target.url).toBe(`https://couch.example.gov.cn:6984/${a.database}`);
      }
      if (a.kind === 'expert') expect(to?.doc_ids).toEqual(a.docIds);
      // a recommender reads by the rule the console copies by: exactly the listed documents among the office's
      if (a.kind === 'recommender') {
        const office = [...docs, ...['c1', 'c2'].flatMap((c) => eventsOf(c).map((id) => ({ _id: id, kind: 'event', record: { caseId: c } })))];
        expect(office.filter((d) => matchesSelector(d, to!.selector)).map((d) => d._id).sort()).toEqual(a.docIds);
      }
      const back = byId.get(`award-job-${hexName('王科员')}-${a.database.slice('award-'.length)}-back`)!;
      expect(back.source.url).toBe(`https://couch.example.gov.cn:6984/${a.database}`);
      expect(back.target.url).toBe('https://couch.example.gov.cn:6984/award-office');
      expect(back.doc_ids).toBeUndefined();
    }
    expect(byId.get(`award-job-${hexName('王科员')}-${expertDatabase('expert-a').slice(6)}-to`)!.doc_ids).toEqual(['assignment:c1', 'case:c1', 'scorebook:s1']);
    expect(list.find((a) => a.database === recommenderDatabase('海州区人民政府'))!.docIds).toEqual(['case:c1', 'event:c1:1', 'event:c1:2']);
    expect(byId.has(`award-job-${hexName('王科员')}-${applicantDatabase('连云港申报甲公司').slice(6)}-back`)).toBe(true);
  });

  it("carries the clerk's credentials as a Basic header of the UTF-8 name (Chinese user names)", () => {
    const header = jobs[0]!.source.headers.Authorization;
    expect(Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8')).toBe('王科员:pw-clerk');
  });

  it('takes back by the same rule as the console (Mango selector ≡ takesBack), for any document', () => {
    const names = ['expert-a', 'expert-b', '海州区人民政府', '灌云县人民政府'];
    const doc = fc.record({
      _id: fc.string(),
      kind: fc.constantFrom('case', 'event', 'scorebook', 'draft', 'assignment', 'expert', 'other'),
      record: fc.record({ id: fc.constantFrom('c1', 'c2', 'c3'), caseId: fc.constantFrom('c1', 'c2', 'c3'), recommender: fc.constantFrom(...names), expert: fc.record({ id: fc.constantFrom(...names) }) }, { requiredKeys: [] }),
    });
    const audience = fc.record({ kind: fc.constantFrom('expert' as const, 'recommender' as const, 'applicant' as const), name: fc.constantFrom(...names) });
    fc.assert(
      fc.property(audience, fc.subarray(['c1', 'c2', 'c3']), doc, (a, known, d) => {
        expect(matchesSelector(d, takeBackSelector(a, known))).toBe(takesBack(a, known)(d));
      }),
      { numRuns: 2000 },
    );
  });
});
