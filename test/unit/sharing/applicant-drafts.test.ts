// @vitest-environment node
// An applicant's own browser sends the drafts they ticked (issue 20): into their own database, which only they
// and the clerks may open; the clerk's replicator takes those drafts back (judged like every pull) into the
// office database, where the staff console's shared-drafts dialog reads them. Unticked drafts never leave.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeWhenIdle } from './close-when-idle.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { createCase, saveDraft } from '../../../src/storage/repos.ts';
import { Replicator, ROLES, layoutFor, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { applicantDatabase, audiences, takesBack } from '../../../src/sharing/audiences.ts';
import { setDraftShared } from '../../../src/sharing/draft-choice.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';

const PouchDB = pouchNode() as PouchStatic;
let couch: { url: string; inFlight(): number; close(): Promise<void> };
let award: { call(method: string, path: string, body?: unknown): Promise<any>; applicantDb(name: string): string };
const clerk = { name: '钱科员', password: 'pw-clerk-ap' };
const applicant = { name: '连云港申报甲公司', password: 'pw-applicant-a' };
const other = { name: '连云港申报乙公司', password: 'pw-applicant-b' };
let n = 0;
const running: Replicator[] = [];
const ids = async (db: string) => (await award.call('GET', `/${db}/_all_docs`)).rows.map((r: { id: string }) => r.id) as string[];

beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk], applicants: [applicant, other] });
});
afterAll(() => closeWhenIdle(couch));
beforeEach(freshDb);
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
function replicator(who: { name: string; password: string }) {
  const r = new Replicator({ url: couch.url, user: who.name, password: who.password, enabled: true }, { PouchDB, localOptions: { adapter: 'memory', prefix: `ap${++n}-` }, retryMs: 100, exportEveryMs: 600_000 });
  running.push(r);
  return r;
}

describe('the applicant role and database (issue 20)', () => {
  it('an applicant account sends drafts only, into its own database named by the hex of its name', () => {
    const layout = layoutFor({ name: applicant.name, roles: [ROLES.applicant] });
    expect(layout).toEqual({ role: 'applicant', database: applicantDatabase(applicant.name), sends: ['draft'], accepts: ['draft'] });
    expect(layout!.database).toBe(award.applicantDb(applicant.name));
    expect(layoutFor({ name: 'x', roles: [] })).toBeNull();
  });

  it('the office copies nothing into an applicant database and takes back only drafts', () => {
    const list = audiences([{ _id: 'case:c1', kind: 'case', record: { id: 'c1', applicantName: applicant.name } }], () => ['event:c1:1']);
    expect(list).toEqual([{ kind: 'applicant', name: applicant.name, database: applicantDatabase(applicant.name), docIds: [] }]);
    // only applicants of the latest two award years present are looked for
    const years = audiences([2020, 2025, 2026].map((year) => ({ _id: `case:y${year}`, kind: 'case', record: { id: `y${year}`, year, applicantName: `申报${year}` } })), () => []);
    expect(years.map((a) => a.name)).toEqual(['申报2025', '申报2026']);
    const take = takesBack(list[0]!);
    expect(take({ _id: 'draft:x', kind: 'draft', record: {} })).toBe(true);
    expect(take({ _id: 'case:c2', kind: 'case', record: { id: 'c2', applicantName: applicant.name } })).toBe(false);
    expect(take({ _id: 'scorebook:s', kind: 'scorebook', record: {} })).toBe(false);
  });
});

describe("an applicant's ticked draft reaches the clerk (issue 20)", () => {
  it('only the ticked draft goes to the applicant database; the clerk takes it back and reads it; nothing unticked reaches the server', async () => {
    await saveDraft({ id: 'draft-ap-1', application: { applicant: { name: applicant.name } } });
    await saveDraft({ id: 'draft-ap-2', application: { applicant: { name: '只在本机' } } });
    await setDraftShared('draft-ap-1', true);
    const mine = replicator(applicant);
    await mine.start();
    expect(mine.current).toMatchObject({ role: 'applicant', database: applicantDatabase(applicant.name) });
    await mine.syncNow();
    expect(await ids(applicantDatabase(applicant.name))).toEqual(['draft:draft-ap-1']);
    expect(mine.current.refused).toEqual([]);
    // the applicant cannot open the office database or another applicant's
    const auth = 'Basic ' + Buffer.from(`${applicant.name}:${applicant.password}`).toString('base64');
    expect((await fetch(`${couch.url}/${applicantDatabase(applicant.name)}/_all_docs`, { headers: { authorization: auth } })).status).toBe(200);
    // refused (the in-memory server answers 401 where CouchDB 3 answers 403 to a logged-in non-member)
    for (const db of ['award-office', applicantDatabase(other.name)]) expect([401, 403]).toContain((await fetch(`${couch.url}/${db}/_all_docs`, { headers: { authorization: auth } })).status);
    await mine.stop();

    // the clerk's browser (this test's one IndexedDB, with the draft unticked: the office does not send it)
    await setDraftShared('draft-ap-1', false);
    await createCase({ id: 'case-ap-1', year: 2026, kind: 'organization', applicantName: applicant.name });
    const office = replicator(clerk);
    await office.start();
    await office.syncNow();
    const got = await office.sharedDrafts();
    expect(got.map((d) => d.id)).toEqual(['draft-ap-1']);
    expect(got[0]).toMatchObject({ by: applicant.name, application: { applicant: { name: applicant.name } } });
    expect(await ids('award-office')).toContain('draft:draft-ap-1'); // every clerk's console sees it
    expect(await ids(applicantDatabase(applicant.name))).toEqual(['draft:draft-ap-1']); // the office sent nothing there
    // the unticked draft is in no database on the server
    for (const db of (await award.call('GET', '/_all_dbs')) as string[]) {
      if (db.startsWith('_')) continue;
      expect(await ids(db)).not.toContain('draft:draft-ap-2');
    }
  });

  it('unticked, later changes stay on the machine; a forged or foreign document in the applicant database is not taken back', async () => {
    await saveDraft({ id: 'draft-ap-3', application: { applicant: { name: '改前' } } });
    await setDraftShared('draft-ap-3', true);
    const mine = replicator(other);
    await mine.start();
    await mine.syncNow();
    await setDraftShared('draft-ap-3', false);
    await saveDraft({ id: 'draft-ap-3', application: { applicant: { name: '改后' } } });
    await mine.syncNow();
    const db = applicantDatabase(other.name);
    expect((await award.call('GET', `/${db}/draft:draft-ap-3`)).record.application.applicant.name).toBe('改前');
    await mine.stop();
    // a case and a malformed draft written straight into the applicant database
    const put = (id: string, doc: unknown) => fetch(`${couch.url}/${db}/${encodeURIComponent(id)}`, { method: 'PUT', headers: { authorization: 'Basic ' + Buffer.from(`${other.name}:${other.password}`).toString('base64'), 'content-type': 'application/json' }, body: JSON.stringify(doc) });
    expect((await put('case:forged', { kind: 'case', record: { id: 'forged', year: 2026, kind: 'organization', applicantName: '伪造公司', createdAt: new Date().toISOString() } })).ok).toBe(true);
    expect((await put('draft:bad', { kind: 'draft', record: { id: 'bad' } })).ok).toBe(true);

    await createCase({ id: 'case-ap-2', year: 2026, kind: 'organization', applicantName: other.name });
    const office = replicator(clerk);
    await office.start();
    await office.syncNow();
    const office_ids = await ids('award-office');
    expect(office_ids).toContain('draft:draft-ap-3');
    expect(office_ids).not.toContain('case:forged');
    expect(office_ids).not.toContain('draft:bad');
    expect(office.current.refused.map((r) => r.id)).toContain('draft:bad');
    expect((await office.sharedDrafts()).find((d) => d.id === 'draft-ap-3')?.application).toEqual({ applicant: { name: '改前' } });
  });

  it('a draft ticked while the side panel replicates is sent without waiting for the next round', async () => {
    await saveDraft({ id: 'draft-ap-now', application: { applicant: { name: applicant.name } } });
    const mine = replicator(applicant); // its own round comes every 10 minutes here
    await mine.start();
    await setDraftShared('draft-ap-now', true);
    const db = applicantDatabase(applicant.name);
    for (let i = 0; !(await ids(db)).includes('draft:draft-ap-now'); i++) {
      if (i > 600) throw new Error('the ticked draft never reached the server');
      await new Promise((r) => setTimeout(r, 50)); // polling a condition, no assertion on time
    }
  });

  it("an applicant database IT has not made is asked for once, not at every round (thousands of applicants a year)", async () => {
    const missing = applicantDatabase('没有库的申报公司');
    const asked: string[] = [];
    (couch as unknown as { onRequest: ((req: { url: string }) => void) | null }).onRequest = (req) => void (req.url.startsWith(`/${missing}`) && asked.push(req.url));
    try {
      await createCase({ id: 'case-ap-missing', year: 2026, kind: 'organization', applicantName: '没有库的申报公司' });
      const office = replicator(clerk);
      await office.start();
      await office.syncNow();
      expect(asked.length).toBeGreaterThan(0); // looked for once
      const before = asked.length;
      await createCase({ id: 'case-ap-missing-2', year: 2026, kind: 'organization', applicantName: '没有库的申报公司' });
      await office.syncNow();
      await office.syncNow();
      expect(asked.length).toBe(before);
      expect(office.current.state).not.toBe('error');
    } finally {
      (couch as unknown as { onRequest: null }).onRequest = null;
    }
  });
});
