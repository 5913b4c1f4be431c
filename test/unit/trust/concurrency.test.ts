// Issue 15 item 5: the profile carries a version; a save from a stale view is refused with a clear
// Chinese message and changes nothing (two options tabs used to wipe each other's fields).
import { beforeEach, describe, expect, it } from 'vitest';
import { getProfile, saveProfile } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);

describe('profile: no lost update (issue 15 item 5)', () => {
  it('two views load version 0; the first save wins, the stale one is refused and nothing of the first is lost', async () => {
    const first = await saveProfile({ id: 'default', data: { 'applicant.name': '连云港甲公司' } }, { expectedVersion: 0 });
    expect(first.version).toBe(1);
    const stale = await saveProfile({ id: 'default', data: { 'applicant.creditCode': '91320700MA1XB2C3DB' } }, { expectedVersion: 0 }).then(
      () => null,
      (e: { kind?: string; userMessage?: { zh: string } }) => e,
    );
    expect(stale?.kind).toBe('conflict');
    expect(stale?.userMessage?.zh).toMatch(/其他页面|另一个页面/);
    expect((await getProfile('default'))?.data).toEqual({ 'applicant.name': '连云港甲公司' });
    // refreshed view: saves on top of version 1
    const next = await saveProfile({ id: 'default', data: { 'applicant.name': '连云港甲公司', 'applicant.creditCode': '91320700MA1XB2C3DB' } }, { expectedVersion: 1 });
    expect(next.version).toBe(2);
  });
});
