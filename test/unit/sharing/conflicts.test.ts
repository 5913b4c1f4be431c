// @vitest-environment node
// The conflict screen's ground (issue 20, Deliver 3): both versions of a record changed on two machines
// are read side by side, compared field by field, and a person's choice is written as a new version; the
// losing revisions leave the replica and the server; until then both stay. Against the in-memory
// CouchDB-compatible server, as replicate.test.ts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { getScorebook, saveScorebook } from '../../../src/experts/store.ts';
import { foldScorebook } from '../../../src/experts/scorebook.ts';
import { saveExpert, listPool } from '../../../src/experts/pool-store.ts';
import { Replicator, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { differences, mergeRecord, readConflict } from '../../../src/sharing/conflicts.ts';
import { book } from '../experts/helpers.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';
import { eventually } from './eventually.ts';

const PouchDB = pouchNode() as PouchStatic;
type Couch = { url: string; inFlight(): number; close(): Promise<void> };
let couch: Couch;
let award: { call(method: string, path: string, body?: unknown): Promise<any>; expertDb(n: string): string };
const clerk = { name: '赵科员', password: 'pw-clerk-c' };
const expert = { name: 'expert-c', password: 'pw-expert-c' };

let n = 0;
const running: Replicator[] = [];
function replicator(user: { name: string; password: string }) {
  const r = new Replicator({ url: couch.url, user: user.name, password: user.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `c${++n}-` }, retryMs: 100, exportEveryMs: 100 });
  running.push(r);
  return r;
}
const serverDoc = async (db: string, id: string, q = '') => award.call('GET', `/${db}/${encodeURIComponent(id)}${q}`);

beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk], experts: [expert] });
});
afterAll(async () => {
  if (!couch) return;
  await eventually(() => couch.inFlight(), (k) => k === 0);
  await couch.close();
});
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

describe('conflicts on shared versioned records (issue 20)', () => {
  it('field by field: only what differs, in words; a flat record merges the fields a person picks', () => {
    const here = { id: 'x1', version: 2, name: '王专家', fields: ['机械'], affiliation: '连云港市质检院', region: '320703', declaredConflicts: [] };
    const there = { ...here, affiliation: '江苏海洋大学', region: '320706' };
    const diff = differences('expert', here, there);
    expect(diff.map((d) => [d.key, d.label.zh, d.local, d.remote])).toEqual([
      ['affiliation', '工作单位', '连云港市质检院', '江苏海洋大学'],
      ['region', '所在地区', '320703', '320706'],
    ]);
    expect(mergeRecord('expert', here, there, { region: 'remote' }, '2026-09-03T00:00:00.000Z')).toMatchObject({ affiliation: '连云港市质检院', region: '320706' });
  });

  it('a scorebook changed on both machines: both scores shown, the picked one becomes a new version everywhere, both histories kept', async () => {
    const saved = await saveScorebook(book('expert-c', { '4.1.2': 50 }));
    const r = replicator(expert);
    await r.start();
    const db = award.expertDb('expert-c');
    const docId = `scorebook:${saved.id}`;
    await eventually(() => serverDoc(db, docId).catch(() => null), (d) => d?.record?.version === 1);
    await r.stop();
    const there = await serverDoc(db, docId);
    const elsewhere = { ...saved, version: 2, events: [...saved.events, { id: 'e-else', expert: 'expert-c', at: '2026-09-02T08:00:00.000Z', type: 'score', item: '4.1.2', percent: 70 }] };
    await award.call('PUT', `/${db}/${encodeURIComponent(docId)}`, { ...there, record: elsewhere, savedBy: { user: 'expert-c', at: '2026-09-02T08:00:05.000Z' } });
    await saveScorebook({ ...saved, events: [...saved.events, { id: 'e-here', expert: 'expert-c', at: '2026-09-02T09:00:00.000Z', type: 'score', item: '4.1.2', percent: 40 }] });

    const again = replicator(expert);
    await again.start();
    await eventually(() => again.current, (st) => st.conflicts.some((c) => c.id === docId));
    const detail = (await again.conflictDetail(docId))!;
    // nothing is lost while it waits: both versions are there to see
    expect(detail.local!.version).toBe(2);
    expect(detail.remote.map((s) => [s.version, s.by, s.at])).toEqual([[2, 'expert-c', '2026-09-02T08:00:05.000Z']]);
    const diff = differences('scorebook', detail.local!.record, detail.remote[0]!.record);
    expect(diff.map((d) => [d.key, d.local, d.remote])).toEqual([['4.1.2.percent', '40%', '70%']]);
    expect(diff[0]!.label.zh).toBe('4.1.2 得分率');

    const chosen = mergeRecord('scorebook', detail.local!.record, detail.remote[0]!.record, { '4.1.2.percent': 'remote' }, '2026-09-03T10:00:00.000Z');
    expect(await again.resolve(detail, chosen)).toBe(3);
    expect(again.current.conflicts.some((c) => c.id === docId)).toBe(false);
    const mine = (await getScorebook(saved.id))!;
    expect(mine.version).toBe(3);
    expect(foldScorebook(mine).items['4.1.2'].percent).toBe(70);
    expect(mine.events.map((e) => e.id)).toEqual(expect.arrayContaining(['e-here', 'e-else']));
    const onServer = await eventually(() => serverDoc(db, docId, '?conflicts=true'), (d) => d.record.version === 3);
    expect(onServer._conflicts ?? []).toEqual([]);
    expect(onServer.savedBy.user).toBe('expert-c');
  });

  it('the same version number made on two machines with different content is a conflict too, never skipped as "as new"', async () => {
    const ex = await saveExpert({ id: 'exp-7', name: '周专家', affiliation: '连云港市质检院', region: '320703' });
    const r = new Replicator({ url: couch.url, user: clerk.name, password: clerk.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `c${++n}-` }, retryMs: 100, exportEveryMs: 600_000 });
    running.push(r);
    await r.start();
    const docId = 'expert:exp-7';
    const first = await eventually(() => serverDoc('award-office', docId).catch(() => null), (d) => d?.record?.version === 1);
    // here: version 2 (a pool save announces nothing, so it waits for the next export) ...
    await saveExpert({ ...ex, affiliation: '江苏海洋大学' });
    // ... while another machine's version 2 arrives first
    await award.call('PUT', `/award-office/${encodeURIComponent(docId)}`, { ...first, record: { ...ex, version: 2, region: '320706' } });
    await eventually(() => r.conflictDetail(docId), (d) => d?.remote.some((s) => s.record.region === '320706') ?? false);
    await r.syncNow();
    const s = await eventually(() => r.current, (st) => st.conflicts.some((c) => c.id === docId));
    expect(s.conflicts.find((c) => c.id === docId)).toMatchObject({ localVersion: 2, serverVersion: 2 });
    expect((await listPool()).find((e) => e.id === 'exp-7')!.affiliation).toBe('江苏海洋大学'); // kept, not overwritten
  });

  it('two revisions on the server (CouchDB _conflicts): both offered until a person chooses, then the loser is removed', async () => {
    const ex = await saveExpert({ id: 'exp-9', name: '钱专家', affiliation: '连云港市质检院', region: '320703' });
    const r = replicator(clerk);
    await r.start();
    const docId = 'expert:exp-9';
    const first = await eventually(() => serverDoc('award-office', docId).catch(() => null), (d) => d?.record?.version === 1);
    await r.stop();
    // two machines each saved version 2 from version 1 while apart: CouchDB keeps both revisions
    const a = { ...first, _rev: `2-${'a'.repeat(32)}`, record: { ...ex, version: 2, affiliation: '江苏海洋大学' }, _revisions: { start: 2, ids: ['a'.repeat(32), first._rev.slice(2)] } };
    const b = { ...first, _rev: `2-${'b'.repeat(32)}`, record: { ...ex, version: 2, region: '320706' }, _revisions: { start: 2, ids: ['b'.repeat(32), first._rev.slice(2)] } };
    await award.call('POST', '/award-office/_bulk_docs', { docs: [a, b], new_edits: false });
    const again = replicator(clerk);
    await again.start();
    await eventually(() => again.current, (st) => st.conflicts.some((c) => c.id === docId));
    // nothing picked silently: the local copy is still version 1
    expect((await listPool()).find((e) => e.id === 'exp-9')!.version).toBe(1);
    const detail = (await again.conflictDetail(docId))!;
    expect(detail.remote.map((s) => s.record.affiliation ?? s.record.region).length).toBe(2);
    const withAffiliation = detail.remote.find((s) => s.record.affiliation === '江苏海洋大学')!;
    const withRegion = detail.remote.find((s) => s.record.region === '320706')!;
    expect(differences('expert', withAffiliation.record, withRegion.record).map((d) => d.key)).toEqual(['affiliation', 'region']);
    const chosen = mergeRecord('expert', withAffiliation.record, withRegion.record, { region: 'remote' }, '2026-09-03T10:00:00.000Z');
    expect(await again.resolve(detail, chosen)).toBe(3);
    const onServer = await eventually(() => serverDoc('award-office', docId, '?conflicts=true'), (d) => d.record.version === 3 && !(d._conflicts?.length));
    expect(onServer.record).toMatchObject({ affiliation: '江苏海洋大学', region: '320706' });
    expect((await listPool()).find((e) => e.id === 'exp-9')).toMatchObject({ version: 3, affiliation: '江苏海洋大学', region: '320706' });
    expect(await readConflict({ get: (id, o) => serverDoc('award-office', id, o?.conflicts ? '?conflicts=true' : `?rev=${o?.rev}`), bulkDocs: async () => [] }, docId)).toMatchObject({ local: { version: 3 }, remote: [] }); // the server's copy is this machine's: nothing left to choose
  });
});
