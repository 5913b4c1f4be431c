// @vitest-environment node
// Opt-in draft sharing (issue 20, Deliver 2): by default no draft leaves this machine; a draft the person
// chose goes to the server, its later changes too; turned off, nothing more is sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeWhenIdle } from './close-when-idle.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { createCase, saveDraft } from '../../../src/storage/repos.ts';
import { Replicator, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { isDraftShared, setDraftShared, sharedDraftIds } from '../../../src/sharing/draft-choice.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';

const PouchDB = pouchNode() as PouchStatic;
let couch: { url: string; inFlight(): number; close(): Promise<void> };
let award: { call(method: string, path: string, body?: unknown): Promise<any> };
const clerk = { name: '孙科员', password: 'pw-clerk-d' };
const clerk2 = { name: '周科员', password: 'pw-clerk-e' };
let n = 0;
const running: Replicator[] = [];
const serverIds = async () => (await award.call('GET', '/award-office/_all_docs')).rows.map((r: { id: string }) => r.id) as string[];
const serverDoc = (id: string) => award.call('GET', `/award-office/${encodeURIComponent(id)}`);

beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk, clerk2] });
});
afterAll(() => closeWhenIdle(couch));
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
function replicator(who = clerk) {
  const r = new Replicator({ url: couch.url, user: who.name, password: who.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `d${++n}-` }, retryMs: 100, exportEveryMs: 600_000 });
  running.push(r);
  return r;
}

describe('drafts shared only when the person chooses (issue 20)', () => {
  it('by default no draft leaves the machine, while cases do', async () => {
    await saveDraft({ id: 'draft-a', application: { applicantName: '连云港甲公司' } });
    await saveDraft({ id: 'draft-b', application: { applicantName: '连云港乙公司' } });
    await createCase({ id: 'case-d1', year: 2026, kind: 'organization', applicantName: '连云港丙公司' });
    expect(await sharedDraftIds()).toEqual([]);
    expect(await isDraftShared('draft-a')).toBe(false);
    const r = replicator();
    await r.start();
    await r.syncNow();
    const ids = await serverIds();
    expect(ids).toContain('case:case-d1'); // sharing runs
    expect(ids.filter((id) => id.startsWith('draft:'))).toEqual([]);
  });

  it('the sent count is documents sent, not a running sum of running totals (the 20-year bench showed 8.5 million for 41,187)', async () => {
    for (let i = 0; i < 4; i++) await createCase({ id: `case-count-${i}`, year: 2026, kind: 'organization', applicantName: `连云港计数${i}公司` });
    const r = replicator();
    await r.start();
    for (let i = 4; i < 8; i++) {
      await createCase({ id: `case-count-${i}`, year: 2026, kind: 'organization', applicantName: `连云港计数${i}公司` });
      await r.syncNow();
    }
    await r.syncNow();
    const onServer = (await serverIds()).filter((id) => id.startsWith('case:case-count-')).length;
    expect(onServer).toBe(8);
    expect(r.current.sent).toBeLessThanOrEqual(8);
  });

  it('a chosen draft and its changes go to the server; turned off, its later changes stay here', async () => {
    await saveDraft({ id: 'draft-c', application: { applicantName: '连云港丁公司' } });
    await saveDraft({ id: 'draft-d', application: { applicantName: '连云港戊公司' } });
    await setDraftShared('draft-c', true);
    const r = replicator();
    await r.start();
    await r.syncNow();
    expect((await serverIds()).filter((id) => id.startsWith('draft:'))).toEqual(['draft:draft-c']);
    await saveDraft({ id: 'draft-c', application: { applicantName: '连云港丁公司（改）' } });
    await r.syncNow();
    expect((await serverDoc('draft:draft-c')).record.application.applicantName).toBe('连云港丁公司（改）');
    await setDraftShared('draft-c', false);
    await saveDraft({ id: 'draft-c', application: { applicantName: '连云港丁公司（再改）' } });
    await r.syncNow();
    // the copy already given stays on the server; nothing newer is sent
    expect((await serverDoc('draft:draft-c')).record.application.applicantName).toBe('连云港丁公司（改）');
    expect((await serverIds()).filter((id) => id.startsWith('draft:'))).toEqual(['draft:draft-c']);
    expect(r.current.refused).toEqual([]);
  });

  it('the receiving clerk reads a shared draft, with who shared it and when; the sharer does not see their own there', async () => {
    await saveDraft({ id: 'draft-recv', application: { applicant: { name: '连云港收件公司' } } });
    await saveDraft({ id: 'draft-kept', application: { applicant: { name: '连云港本机公司' } } });
    await setDraftShared('draft-recv', true);
    const sender = replicator();
    await sender.start();
    await sender.syncNow();
    expect(await sender.sharedDrafts()).toEqual([]);
    await sender.stop();
    // both replicators share this test's one IndexedDB: the receiving machine has not ticked the draft
    await setDraftShared('draft-recv', false);
    const receiver = replicator(clerk2);
    await receiver.start();
    await receiver.syncNow();
    const all = await receiver.sharedDrafts(); // the server also holds draft-c from the test above
    expect(all.map((d) => d.id)).not.toContain('draft-kept'); // the unticked draft never reached the server
    const got = all.filter((d) => d.id === 'draft-recv');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ by: '孙科员', application: { applicant: { name: '连云港收件公司' } } });
    expect(Number.isNaN(Date.parse(got[0]!.at!))).toBe(false);
  });
});
