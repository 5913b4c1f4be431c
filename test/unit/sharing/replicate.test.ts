// @vitest-environment node
// Replication against a real CouchDB-compatible server (express-pouchdb, in memory, 127.0.0.1): the
// PouchDB replication protocol end to end, this browser's stores on fake-indexeddb.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { officeDocs } from './office-docs.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { appendCaseEvents, createCase, getCaseEvents, listCases } from '../../../src/storage/repos.ts';
import { getScorebook, saveScorebook } from '../../../src/experts/store.ts';
import { Replicator, hexName, layoutFor, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { toDoc } from '../../../src/sharing/documents.ts';
import { addSharedEvents } from '../../../src/sharing/local.ts';
import type { SharingStatus } from '../../../src/sharing/config.ts';
import { book } from '../experts/helpers.ts';
import { commitImport, planImport } from '../../../src/ui/staff/import-cases.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';
import { eventually } from './eventually.ts';

const PouchDB = pouchNode() as PouchStatic;

type Couch = { url: string; adminAuth: string; inFlight(): number; close(): Promise<void>; restart(): Promise<void> };
let couch: Couch;
let award: { call(method: string, path: string, body?: unknown): Promise<any>; expertDb(n: string): string; recommenderDb(n: string): string };
const clerk = { name: '王科员', password: 'pw-clerk-1' };
const clerk2 = { name: '李科员', password: 'pw-clerk-2' };
const expertA = { name: 'expert-a', password: 'pw-expert-a' };
const expertB = { name: 'expert-b', password: 'pw-expert-b' };
const haizhou = { name: '海州区人民政府', password: 'pw-rec-1' };
const guanyun = { name: '灌云县人民政府', password: 'pw-rec-2' };


let dbCounter = 0;
const running: Replicator[] = [];
function replicator(user: { name: string; password: string }, onStatus?: (s: SharingStatus) => void, exportEveryMs?: number) {
  const r = new Replicator({ url: couch.url, user: user.name, password: user.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `t${++dbCounter}-` }, retryMs: 100, onStatus, exportEveryMs });
  running.push(r);
  return r;
}
const serverDocs = async (db: string) => (await award.call('GET', `/${db}/_all_docs?include_docs=true`)).rows.map((r: { doc: unknown }) => r.doc) as Array<{ _id: string; kind: string; record: any }>;

beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk, clerk2], experts: [expertA, expertB], recommenders: [haizhou, guanyun] });
});
// stopped replicators may still have a request on its way: let it end before the server goes (else the
// cut socket surfaces as an unhandled rejection inside PouchDB's HTTP adapter)
afterAll(async () => {
  if (!couch) return;
  await eventually(() => couch.inFlight(), (n) => n === 0);
  await couch.close();
});
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

describe('sharing on CouchDB (issue 20)', () => {
  it('lays out one office database for clerks and one per expert, named as CouchDB names per-user databases', () => {
    expect(layoutFor({ name: clerk.name, roles: ['award-clerk'] })?.database).toBe('award-office');
    expect(layoutFor({ name: 'expert-a', roles: ['award-expert'] })?.database).toBe(`award-expert-${hexName('expert-a')}`);
    expect(layoutFor({ name: 'x', roles: ['other'] })).toBeNull();
  });

  it("a clerk's cases and events reach the office database; another clerk's arrive in this browser's stores, once", async () => {
    const mine = await createCase({ id: 'case-mine', year: 2026, kind: 'organization', applicantName: '连云港港口控股集团' });
    await appendCaseEvents(mine.id, [{ type: 'apply', on: '2026-04-01', kind: 'organization' }], 'staff');
    // what the other clerk's browser put on the server (the same documents this module makes)
    const theirs = { id: 'case-theirs', year: 2026, kind: 'individual' as const, applicantName: '张工', createdAt: '2026-04-02T01:00:00.000Z', award: mine.award };
    const theirEvent = { caseId: 'case-theirs', event: { type: 'apply', on: '2026-04-02', kind: 'individual' }, recordedAt: '2026-04-02T01:00:01.000Z', recordedBy: 'staff' };
    const sharedEvent = { caseId: 'case-mine', event: { type: 'recommend', on: '2026-04-03', by: '海州区' }, recordedAt: '2026-04-03T01:00:00.000Z', recordedBy: 'staff' };
    for (const d of [toDoc({ kind: 'case', record: theirs }), toDoc({ kind: 'event', record: theirEvent }), toDoc({ kind: 'event', record: sharedEvent })]) await award.call('PUT', `/award-office/${encodeURIComponent(d._id)}`, d);

    const r = replicator(clerk);
    expect((await r.start()).state).not.toBe('error');
    await eventually(() => serverDocs('award-office'), (docs) => docs.some((d) => d.record?.caseId === 'case-mine' && d.record.event.type === 'apply'));
    await eventually(() => getCaseEvents('case-theirs'), (log) => log.length === 1);
    await eventually(() => getCaseEvents('case-mine'), (log) => log.length === 2);
    expect((await listCases()).map((c) => c.id).sort()).toEqual(['case-mine', 'case-theirs']);
    // a second sync sends and receives nothing twice
    await r.syncNow();
    await r.syncNow();
    expect((await getCaseEvents('case-mine')).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    const onServer = (await serverDocs('award-office')).filter((d) => d.kind === 'event');
    expect(onServer).toHaveLength(3);
    expect(r.current.lastSync).toMatch(/^\d{4}-/);
  });

  it('cases imported while sharing runs (an import announces nothing) reach the server with their events', async () => {
    const r = replicator(clerk, undefined, 100);
    await r.start();
    const file = { format: 'lyg-award/cases@1', exportedAt: '2026-11-26T00:00:00.000Z', cases: [{ header: { id: 'case-imported', year: 2026, kind: 'organization', applicantName: '连云港导入测试有限公司', creditCode: null, recommender: '海州区人民政府' }, events: [{ event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'seed' }] }] };
    await commitImport(await planImport(file as never));
    const docs = await eventually(() => serverDocs('award-office'), (d) => d.some((x) => x._id === 'case:case-imported') && d.some((x) => x.kind === 'event' && x.record.caseId === 'case-imported'));
    expect(docs.filter((x) => x._id === 'case:case-imported')).toHaveLength(1);
  });

  it('events one write recorded at one time (an import) arrive in the order of their own dates, whatever order they come in', async () => {
    await createCase({ id: 'case-order', year: 2026, kind: 'organization', applicantName: '连云港顺序测试有限公司' });
    const at = '2026-04-02T01:00:00.000Z';
    const recommend = { caseId: 'case-order', event: { type: 'recommend', on: '2026-04-01', by: '海州区' }, recordedAt: at, recordedBy: 'seed' };
    const apply = { caseId: 'case-order', event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedAt: at, recordedBy: 'seed' };
    expect(await addSharedEvents('case-order', [recommend, apply] as never)).toBe(2);
    expect((await getCaseEvents('case-order')).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
  });

  it('a first replication says how far along it is, and says "in sync" only once this browser\'s stores hold what arrived', async () => {
    // a fresh profile joining an office that already has cases: the clerk must see how far along it is
    const award0 = (await listCases())[0]?.award ?? (await createCase({ id: 'case-progress-0', year: 2026, kind: 'organization', applicantName: '连云港进度测试零' })).award;
    const docs = officeDocs('case-progress', '连云港进度测试', 40, award0);
    await award.call('POST', '/award-office/_bulk_docs', { docs });
    const onServer = (await award.call('GET', '/award-office')).doc_count as number;
    const seen: SharingStatus[] = [];
    let atFirstIdle: Promise<number[]> | null = null;
    const mine = async () => {
      const ids = (await listCases()).map((c) => c.id).filter((id) => /^case-progress-[1-9]/.test(id));
      return [ids.length, (await Promise.all(ids.map(getCaseEvents))).reduce((n, log) => n + log.length, 0)];
    };
    const r = replicator(clerk, (s) => {
      seen.push(s);
      if (s.state === 'idle' && !atFirstIdle) atFirstIdle = mine();
    });
    await r.start();
    await eventually(() => atFirstIdle, (p) => p !== null);
    // in sync = everything that arrived is in the stores the pages read (not only in the replica)
    expect(await atFirstIdle).toEqual([40, 80]);
    // while it ran, the status said how many documents the server has and how many are here so far
    const during = seen.filter((s) => s.state === 'active' && s.progress);
    expect(during.length).toBeGreaterThan(0);
    expect(during.at(-1)!.progress!.server).toBeGreaterThanOrEqual(onServer);
    expect(during.every((s) => s.progress!.here <= s.progress!.server)).toBe(true);
    expect(Math.max(...during.map((s) => s.progress!.here))).toBeGreaterThanOrEqual(121);
  });

  it('a forged document on the server is refused, listed with a message, and never written', async () => {
    const forged = toDoc({ kind: 'event', record: { caseId: 'case-x', event: { type: 'apply', on: '2026-05-01', kind: 'organization' }, recordedAt: '2026-05-01T00:00:00.000Z', recordedBy: 'staff' } }) as any;
    forged.record.event = { type: 'government-approve', on: '2026-05-01' }; // changed under the same id
    await award.call('PUT', `/award-office/${encodeURIComponent(forged._id)}`, forged);
    await award.call('PUT', '/award-office/case:case-x', { kind: 'case', record: { id: 'case-x', year: 1999, kind: 'organization', applicantName: 'X', createdAt: '2026-05-01T00:00:00.000Z' } });
    const r = replicator(clerk);
    await r.start();
    const s = await eventually(() => r.current, (st) => st.refused.filter((p) => p.id === forged._id || p.id === 'case:case-x').length === 2);
    expect(s.refused.find((p) => p.id === forged._id)!.reason.zh).toContain('编号与内容不符');
    await r.syncNow();
    expect((await listCases()).map((c) => c.id)).not.toContain('case-x');
    expect(await getCaseEvents('case-x')).toEqual([]);
  });

  it('recorded while the server is down: kept here, sent when it is back, nothing lost or doubled', async () => {
    const c = await createCase({ id: 'case-offline', year: 2026, kind: 'organization', applicantName: '连云港某化工有限公司' });
    const r = replicator(clerk2);
    await r.start();
    await eventually(() => serverDocs('award-office'), (docs) => docs.some((d) => d._id === 'case:case-offline'));
    await couch.close(); // killed mid-replication: the live feeds are cut
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'organization' }], 'staff');
    await appendCaseEvents(c.id, [{ type: 'recommend', on: '2026-06-02', by: '灌云县' }], 'staff');
    await eventually(() => r.current.state, (st) => st === 'offline'); // the page says so; nothing is lost
    await couch.restart();
    const events = await eventually(
      async () => (await serverDocs('award-office')).filter((d) => d.kind === 'event' && d.record.caseId === 'case-offline'),
      (list) => list.length === 2,
    );
    expect(events.map((d) => d.record.event.type).sort()).toEqual(['apply', 'recommend']);
    await r.syncNow();
    expect((await getCaseEvents(c.id)).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
  });

  it("an expert's database holds their scorebook; another expert cannot read it (the server refuses)", async () => {
    const b = await saveScorebook(book('expert-a', { '4.1.2': 50 }));
    const r = replicator(expertA);
    await r.start();
    expect(r.current.database).toBe(award.expertDb('expert-a'));
    await eventually(() => serverDocs(award.expertDb('expert-a')), (docs) => docs.some((d) => d._id === `scorebook:${b.id}`));
    const asB = await fetch(`${couch.url}/${award.expertDb('expert-a')}/_all_docs`, { headers: { authorization: 'Basic ' + Buffer.from(`${expertB.name}:${expertB.password}`).toString('base64') } });
    expect(asB.status).toBe(401);
    const asClerk = await fetch(`${couch.url}/${award.expertDb('expert-a')}/_all_docs`, { headers: { authorization: 'Basic ' + Buffer.from(`${clerk.name}:${clerk.password}`).toString('base64') } });
    expect(asClerk.status).toBe(200);
  });

  it('a scorebook changed here and on the server from the same copy is a conflict shown to a person; the local copy stays', async () => {
    const saved = await saveScorebook(book('expert-b', { '4.1.2': 50 })); // version 1
    const r = replicator(expertB);
    await r.start();
    const db = award.expertDb('expert-b');
    const docId = `scorebook:${saved.id}`;
    await eventually(() => serverDocs(db), (docs) => docs.some((d) => d._id === docId));
    await r.stop();
    // the same scorebook, changed elsewhere (version 2 on the server) and here (version 2 locally)
    const there = (await serverDocs(db)).find((d) => d._id === docId)!;
    const elsewhere = { ...saved, version: 2, events: [...saved.events, { id: 'e-else', expert: 'expert-b', at: '2026-09-02T08:00:00.000Z', type: 'score' as const, item: '4.1.2', percent: 70 }] };
    await award.call('PUT', `/${db}/${encodeURIComponent(docId)}`, { ...there, record: elsewhere });
    const mineNow = await saveScorebook({ ...saved, events: [...saved.events, { id: 'e-here', expert: 'expert-b', at: '2026-09-02T09:00:00.000Z', type: 'score', item: '4.1.2', percent: 40 }] });
    expect(mineNow.version).toBe(2);
    const again = replicator(expertB);
    await again.start();
    const s = await eventually(() => again.current, (st) => st.conflicts.some((c) => c.id === docId));
    expect(s.conflicts.find((c) => c.id === docId)).toMatchObject({ kind: 'scorebook', localVersion: 2, serverVersion: 2 });
    expect((await getScorebook(saved.id))!.events.map((e) => e.id)).toContain('e-here');
    expect((await serverDocs(db)).find((d) => d._id === docId)!.record.events.map((e: { id: string }) => e.id)).toContain('e-else');
  });

  it("the clerk copies each expert's assigned cases and own scorebooks, and each recommender's applicants, into their databases; the server keeps the others out", async () => {
    const r1 = await createCase({ id: 'case-hz', year: 2026, kind: 'organization', applicantName: '连云港海州测试有限公司', recommender: haizhou.name });
    await appendCaseEvents(r1.id, [{ type: 'apply', on: '2026-04-01', kind: 'organization' }], 'staff');
    const r2 = await createCase({ id: 'case-gy', year: 2026, kind: 'organization', applicantName: '灌云测试有限公司', recommender: guanyun.name });
    await appendCaseEvents(r2.id, [{ type: 'apply', on: '2026-04-02', kind: 'organization' }], 'staff');
    // the group and the scorebooks, as the clerk's expert panel would have put them on the office database
    const ref = (e: { name: string }) => ({ id: e.name, name: e.name, affiliation: '' });
    const assignment = { id: 'case-hz', version: 1, field: '', experts: [ref(expertA)], issued: [] };
    const bookA = { ...book('expert-a', { '4.1.2': 50 }), id: 'book-a-hz', version: 1, subject: { ...book('expert-a', {}).subject, caseId: 'case-hz' } };
    const bookB = { ...book('expert-b', { '4.1.2': 60 }), id: 'book-b-gy', version: 1, subject: { ...book('expert-b', {}).subject, caseId: 'case-gy' } };
    for (const d of [toDoc({ kind: 'assignment', record: assignment } as never), toDoc({ kind: 'scorebook', record: bookA }), toDoc({ kind: 'scorebook', record: bookB })]) await award.call('PUT', `/award-office/${encodeURIComponent(d._id)}`, d);

    const r = replicator(clerk);
    await r.start();
    await eventually(() => serverDocs('award-office'), (docs) => docs.some((d) => d._id === 'case:case-gy') && docs.some((d) => d.kind === 'event' && d.record.caseId === 'case-gy'));
    await r.syncNow();
    // (the server is shared by the tests in this file: only this test's documents)
    const ids = async (db: string) => (await serverDocs(db)).map((d) => d._id).filter((id) => /-(hz|gy)\b/.test(id)).sort();
    expect(await ids(award.expertDb('expert-a'))).toEqual(['assignment:case-hz', 'case:case-hz', 'scorebook:book-a-hz']);
    expect(await ids(award.expertDb('expert-b'))).toEqual(['scorebook:book-b-gy']);
    const hz = await ids(award.recommenderDb(haizhou.name));
    expect(hz.filter((id) => id.startsWith('case:'))).toEqual(['case:case-hz']);
    expect(hz.filter((id) => id.startsWith('event:'))).toHaveLength(1);
    expect(hz.every((id) => !id.includes('case-gy'))).toBe(true);
    expect((await ids(award.recommenderDb(guanyun.name))).filter((id) => id.startsWith('case:'))).toEqual(['case:case-gy']);

    // the server refuses anyone else: another expert, another recommender
    const as = (u: { name: string; password: string }) => ({ authorization: 'Basic ' + Buffer.from(`${u.name}:${u.password}`).toString('base64') });
    expect((await fetch(`${couch.url}/${award.expertDb('expert-a')}/scorebook%3Abook-a-hz`, { headers: as(expertB) })).status).toBe(401);
    expect((await fetch(`${couch.url}/${award.recommenderDb(haizhou.name)}/_all_docs`, { headers: as(guanyun) })).status).toBe(401);
    expect((await fetch(`${couch.url}/award-office/_all_docs`, { headers: as(expertA) })).status).toBe(401);

    // what comes back: expert A's changed scorebook, never a scorebook A writes in B's name
    const dbA = award.expertDb('expert-a');
    const there = (await serverDocs(dbA)).find((d) => d._id === 'scorebook:book-a-hz')!;
    const scored = { ...bookA, version: 2, events: [...bookA.events, { id: 'e-a2', expert: 'expert-a', at: '2026-09-02T08:00:00.000Z', type: 'score' as const, item: '4.1.2', percent: 80 }] };
    const asA = { ...as(expertA), 'content-type': 'application/json' };
    expect((await fetch(`${couch.url}/${dbA}/scorebook%3Abook-a-hz`, { method: 'PUT', headers: asA, body: JSON.stringify({ ...there, record: scored }) })).status).toBe(201);
    const inB = toDoc({ kind: 'scorebook', record: { ...bookB, version: 9 } });
    expect((await fetch(`${couch.url}/${dbA}/${encodeURIComponent(inB._id)}`, { method: 'PUT', headers: asA, body: JSON.stringify(inB) })).status).toBe(201);
    await r.syncNow();
    await eventually(() => getScorebook('book-a-hz'), (b) => b?.version === 2);
    expect((await getScorebook('book-b-gy'))?.version).toBe(1);
    await eventually(() => serverDocs('award-office'), (docs) => docs.find((d) => d._id === 'scorebook:book-a-hz')?.record.version === 2);
    expect((await serverDocs('award-office')).find((d) => d._id === 'scorebook:book-b-gy')!.record.version).toBe(1);
  });
});
