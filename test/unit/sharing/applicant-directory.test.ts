// @vitest-environment node
// The applicants' directory (issue 20): CouchDB 3 lists databases to server admins only, so each applicant's own
// browser writes its entry into `award-applicants`, guarded by a validate_doc_update on the server; the clerk's
// console finds a new applicant's shared draft there, with no case naming them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeWhenIdle } from './close-when-idle.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { saveDraft } from '../../../src/storage/repos.ts';
import { Replicator, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { setDraftShared } from '../../../src/sharing/draft-choice.ts';
import { applicantDatabase } from '../../../src/sharing/audiences.ts';
import { DIRECTORY_DATABASE, directoryDesign, readDirectory } from '../../../src/sharing/directory.ts';
// @ts-expect-error a plain .mjs test tool
import { directoryDesign as itDesign, pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';

const PouchDB = pouchNode() as PouchStatic;
let couch: { url: string; inFlight(): number; close(): Promise<void> };
let award: { call(method: string, path: string, body?: unknown): Promise<any> };
const clerk = { name: '郑科员', password: 'pw-clerk-dir' };
const newcomer = { name: '连云港新申报丁公司', password: 'pw-ap-dir-1' };
const other = { name: '连云港申报戊公司', password: 'pw-ap-dir-2' };
let n = 0;
const running: Replicator[] = [];
function replicator(who: { name: string; password: string }) {
  const r = new Replicator({ url: couch.url, user: who.name, password: who.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `dir${++n}-` }, retryMs: 100, exportEveryMs: 600_000 });
  running.push(r);
  return r;
}
const headers = (u: { name: string; password: string }) => ({ authorization: 'Basic ' + Buffer.from(`${u.name}:${u.password}`).toString('base64'), 'content-type': 'application/json' });
const putEntry = (as: { name: string; password: string }, doc: { _id: string; name?: string }) =>
  fetch(`${couch.url}/${DIRECTORY_DATABASE}/${encodeURIComponent(doc._id)}`, { method: 'PUT', headers: headers(as), body: JSON.stringify(doc) }).then((r) => r.status);

beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk], applicants: [newcomer, other] });
});
afterAll(() => closeWhenIdle(couch));
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

describe("the applicants' directory (issue 20)", () => {
  it('the design document IT installs is the one the product documents', () => {
    expect(itDesign).toEqual(directoryDesign);
  });

  it("an applicant writes only its own entry; nobody writes another's", async () => {
    // refused by the server (validate_doc_update → 403)
    expect(await putEntry(other, { _id: `applicant:${newcomer.name}`, name: newcomer.name })).toBe(403);
    expect(await putEntry(other, { _id: `applicant:${other.name}`, name: newcomer.name })).toBe(403);
    expect(await putEntry(other, { _id: 'applicant:', name: '' })).toBe(403);
    expect(await putEntry(clerk, { _id: `applicant:${clerk.name}`, name: clerk.name })).toBe(403);
    expect(await putEntry(other, { _id: `applicant:${other.name}`, name: other.name })).toBe(201);
    // an entry is read for its name only; anything not shaped like an entry is ignored
    expect(readDirectory([{ doc: { _id: 'applicant:甲', name: '甲', database: 'award-office' } }, { doc: { _id: 'applicant:乙', name: '丙' } }, { doc: { _id: '_design/x' } }, {}])).toEqual([{ name: '甲', database: applicantDatabase('甲') }]);
  });

  it("the clerk sees a new applicant's shared draft with no case naming them", async () => {
    await saveDraft({ id: 'draft-dir-1', application: { applicant: { name: newcomer.name } } });
    await setDraftShared('draft-dir-1', true);
    const mine = replicator(newcomer);
    await mine.start();
    await mine.syncNow();
    expect((await award.call('GET', `/${DIRECTORY_DATABASE}/${encodeURIComponent(`applicant:${newcomer.name}`)}`)).name).toBe(newcomer.name);
    await mine.stop();

    // the clerk's browser: no case at all in the office
    await setDraftShared('draft-dir-1', false);
    const office = replicator(clerk);
    await office.start();
    await office.syncNow();
    expect((await office.sharedDrafts()).map((d) => d.id)).toEqual(['draft-dir-1']);
  });
});
