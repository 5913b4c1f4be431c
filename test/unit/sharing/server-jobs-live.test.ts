// @vitest-environment node
// CouchDB's own replication jobs (issue 20), run by the test server's `_replicator` (express-pouchdb with
// pouchdb-replicator, `startCouch({ jobs: true })`): the clerk's console writes them once, then the server keeps
// the experts', recommenders' and applicants' databases in step with the office while no console is open.
// What the jobs bring into the office database is judged again by every clerk's browser as it pulls.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { appendCaseEvents, createCase, getCaseEvents, getDraft, saveDraft } from '../../../src/storage/repos.ts';
import { Replicator, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { toDoc } from '../../../src/sharing/documents.ts';
import { hexName } from '../../../src/sharing/audiences.ts';
import { book } from '../experts/helpers.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';
import { eventually } from './eventually.ts';

const PouchDB = pouchNode() as PouchStatic;
let couch: { url: string; adminAuth: string; close(): Promise<void> };
let award: { call(method: string, path: string, body?: unknown): Promise<any>; expertDb(n: string): string; recommenderDb(n: string): string; applicantDb(n: string): string };
const clerk = { name: '周科员', password: 'pw-clerk-jobs' };
const clerk2 = { name: '吴科员', password: 'pw-clerk-jobs-2' };
const expertA = { name: 'expert-job-a', password: 'pw-ej-a' };
const expertB = { name: 'expert-job-b', password: 'pw-ej-b' };
const haizhou = { name: '海州区人民政府', password: 'pw-rec-jobs' };
const applicant = { name: '连云港申报丙公司', password: 'pw-ap-jobs' };
let n = 0;
const running: Replicator[] = [];
function replicator(who: { name: string; password: string }) {
  const r = new Replicator({ url: couch.url, user: who.name, password: who.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `jobs${++n}-` }, retryMs: 100, exportEveryMs: 600_000 });
  running.push(r);
  return r;
}
const as = (u: { name: string; password: string }) => ({ authorization: 'Basic ' + Buffer.from(`${u.name}:${u.password}`).toString('base64'), 'content-type': 'application/json' });
/** what a person's own browser puts into a database it may write */
async function put(who: { name: string; password: string }, db: string, doc: { _id: string }) {
  const r = await fetch(`${couch.url}/${db}/${encodeURIComponent(doc._id)}`, { method: 'PUT', headers: as(who), body: JSON.stringify(doc) });
  expect(r.status).toBe(201);
}
const ids = async (db: string) => (await award.call('GET', `/${db}/_all_docs`)).rows.map((r: { id: string }) => r.id) as string[];

beforeAll(async () => {
  couch = await startCouch({ jobs: true });
  award = await setupAward(couch, { clerks: [clerk, clerk2], experts: [expertA, expertB], recommenders: [haizhou], applicants: [applicant] });
});
afterAll(async () => {
  await couch?.close();
});
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

describe('replication jobs on the server (issue 20)', () => {
  it("keeps the experts', recommenders' and applicants' databases in step with no console open; a forged document they bring is refused by the clerk's browser", async () => {
    // the clerk's office: a case of 海州's with its application, assigned to expert A
    const hz = await createCase({ id: 'case-job-hz', year: 2026, kind: 'organization', applicantName: applicant.name, recommender: haizhou.name });
    await appendCaseEvents(hz.id, [{ type: 'apply', on: '2026-04-01', kind: 'organization' }], 'staff');
    const ref = (e: { name: string }) => ({ id: e.name, name: e.name, affiliation: '' });
    await put(clerk, 'award-office', toDoc({ kind: 'assignment', record: { id: hz.id, version: 1, field: '', experts: [ref(expertA)], issued: [] } } as never));

    const console1 = replicator(clerk);
    await console1.start();
    await console1.syncNow();
    // the jobs are the clerk's, readable by the clerk (as IT sees them), continuous
    const job = (db: string, dir: 'to' | 'back') => fetch(`${couch.url}/_replicator/award-job-${hexName(clerk.name)}-${db.slice('award-'.length)}-${dir}`, { headers: as(clerk) }).then(async (r) => (r.ok ? r.json() : r.status));
    for (const [db, dir] of [[award.expertDb(expertA.name), 'to'], [award.expertDb(expertA.name), 'back'], [award.recommenderDb(haizhou.name), 'to'], [award.recommenderDb(haizhou.name), 'back'], [award.applicantDb(applicant.name), 'back']] as const) {
      expect(await job(db, dir)).toMatchObject({ continuous: true, user_ctx: { name: clerk.name } });
    }
    expect(await fetch(`${couch.url}/_replicator/award-job-${hexName(clerk.name)}-${award.expertDb(expertA.name).slice(6)}-to`, { headers: as(expertA) }).then((r) => r.status)).toBe(404);
    await console1.stop(); // from here on no clerk's console is open

    // another clerk's browser records an event on the case: it reaches 海州 through the server alone
    const onward = toDoc({ kind: 'event', record: { caseId: hz.id, event: { type: 'recommend', on: '2026-04-05', by: haizhou.name }, recordedAt: '2026-04-05T01:00:00.000Z', recordedBy: 'staff' } } as never);
    await put(clerk2, 'award-office', onward);
    await eventually(() => ids(award.recommenderDb(haizhou.name)), (list) => list.includes(onward._id), 60_000);

    // 海州 records on its applicant's case: it reaches the office; a forged event (id not matching its content)
    // passes the server's rule (the selector is a fence, not a judge) and reaches the office too
    const theirs = toDoc({ kind: 'event', record: { caseId: hz.id, event: { type: 'recommend', on: '2026-04-06', by: haizhou.name }, recordedAt: '2026-04-06T01:00:00.000Z', recordedBy: haizhou.name } } as never);
    const forged = { ...toDoc({ kind: 'event', record: { caseId: hz.id, event: { type: 'apply', on: '2026-04-07', kind: 'organization' }, recordedAt: '2026-04-07T01:00:00.000Z', recordedBy: haizhou.name } } as never) } as any;
    forged.record = { ...forged.record, event: { type: 'government-approve', on: '2026-04-07' } };
    await put(haizhou, award.recommenderDb(haizhou.name), forged);
    await put(haizhou, award.recommenderDb(haizhou.name), theirs);
    await eventually(() => ids('award-office'), (list) => list.includes(theirs._id) && list.includes(forged._id), 60_000);

    // expert A scores: the scorebook reaches the office; one written in expert B's name never does
    const inB = toDoc({ kind: 'scorebook', record: { ...book(expertB.name, { '4.1.2': 99 }), id: 'book-job-b', version: 1 } });
    const mine = toDoc({ kind: 'scorebook', record: { ...book(expertA.name, { '4.1.2': 70 }), id: 'book-job-a', version: 1, subject: { ...book(expertA.name, {}).subject, caseId: hz.id } } });
    await put(expertA, award.expertDb(expertA.name), inB);
    await put(expertA, award.expertDb(expertA.name), mine);
    await eventually(() => ids('award-office'), (list) => list.includes(mine._id), 60_000);
    expect(await ids('award-office')).not.toContain(inB._id); // written before A's own: the job has passed it

    // the applicant's ticked draft reaches the office
    await saveDraft({ id: 'draft-job-1', application: { applicant: { name: applicant.name } } });
    const draft = toDoc({ kind: 'draft', record: (await getDraft('draft-job-1'))! });
    await put(applicant, award.applicantDb(applicant.name), draft);
    await eventually(() => ids('award-office'), (list) => list.includes(draft._id), 60_000);

    // a clerk's browser opened afterwards (a fresh replica) takes all that in through its judged pull
    const console2 = replicator(clerk2);
    await console2.start();
    await console2.syncNow();
    const s = await eventually(() => console2.current, (st) => st.refused.some((p) => p.id === forged._id));
    expect(s.refused.find((p) => p.id === forged._id)!.reason.zh).toContain('编号与内容不符');
    const log = await eventually(() => getCaseEvents(hz.id), (l) => l.some((e) => e.recordedBy === haizhou.name));
    expect(log.map((e) => `${e.event.type} ${e.event.on}`).sort()).toEqual(['apply 2026-04-01', 'recommend 2026-04-05', 'recommend 2026-04-06']); // the forged one is not written
    expect((await console2.sharedDrafts()).map((d) => d.id)).toContain('draft-job-1');
  }, 240_000); // waits for conditions only; the server's jobs retry with back-off on a loaded machine
});
