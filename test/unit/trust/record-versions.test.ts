// Issue 15 item 6 (round two): drafts and case logs carry a monotonically increasing version, checked in
// the same IndexedDB transaction as the write. A write from a stale view (two tabs, two clerks) is refused
// with a clear Chinese message and changes nothing; the other pages hear of every write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendCaseEvents, createCase, getCase, getCaseEvents, getDraft, saveDraft, RECORDS_CHANNEL, type RecordChange } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { kind?: string; userMessage?: { zh: string; en: string } }) => e);

describe('drafts carry a version (issue 15 item 6)', () => {
  it('every save bumps it; a save that expected an older version is refused in Chinese and changes nothing', async () => {
    const first = await saveDraft({ id: 'portal/demo', application: { n: '甲' } });
    expect(first.version).toBe(1);
    const second = await saveDraft({ id: 'portal/demo', application: { n: '甲乙' } }, { expectedVersion: 1 });
    expect(second.version).toBe(2);
    const stale = await refusal(saveDraft({ id: 'portal/demo', application: { n: '旧' } }, { expectedVersion: 1 }));
    expect(stale?.kind).toBe('conflict');
    expect(stale?.userMessage?.zh).toMatch(/其他页面/);
    expect(stale?.userMessage?.zh).toMatch(/没有保存|未保存/);
    const stored = await getDraft('portal/demo');
    expect(stored?.application).toEqual({ n: '甲乙' });
    expect(stored?.version).toBe(2);
  });

  it('expecting version 0 means "this view saw no draft": refused once another page created it', async () => {
    await saveDraft({ id: 'd', application: { n: 1 } }, { expectedVersion: 0 });
    expect((await refusal(saveDraft({ id: 'd', application: { n: 2 } }, { expectedVersion: 0 })))?.kind).toBe('conflict');
    expect((await getDraft('d'))?.application).toEqual({ n: 1 });
  });
});

describe('case logs carry a version (issue 15 item 5: two staff tabs recorded from stale views)', () => {
  it('a new case is version 0; each append bumps it by one, in the same transaction as the events', async () => {
    const c = await createCase({ id: 'c1', year: 2026, kind: 'organization', applicantName: '连云港甲公司' });
    expect(c.version).toBe(0);
    await appendCaseEvents('c1', [{ type: 'apply', on: '2026-05-01', kind: 'organization' }], 'staff', { expectedVersion: 0 });
    expect((await getCase('c1'))?.version).toBe(1);
    await appendCaseEvents('c1', [{ type: 'recommend', on: '2026-05-10', by: '市工信局' }], 'staff');
    expect((await getCase('c1'))?.version).toBe(2);
  });

  it('two tabs both loaded version 1: the second record is refused in Chinese, and the log holds only the first', async () => {
    await createCase({ id: 'c2', year: 2026, kind: 'organization', applicantName: '连云港乙公司' });
    await appendCaseEvents('c2', [{ type: 'apply', on: '2026-05-01', kind: 'organization' }], 'staff');
    const seen = (await getCase('c2'))!.version!;
    await appendCaseEvents('c2', [{ type: 'recommend', on: '2026-05-10', by: '市工信局' }], '甲', { expectedVersion: seen });
    const stale = await refusal(appendCaseEvents('c2', [{ type: 'withdraw', on: '2026-05-11' }], '乙', { expectedVersion: seen }));
    expect(stale?.kind).toBe('conflict');
    expect(stale?.userMessage?.zh).toMatch(/其他页面|另一位/);
    expect(stale?.userMessage?.zh).toContain('未记录');
    expect(stale?.userMessage?.en).toMatch(/[a-z]/);
    expect((await getCaseEvents('c2')).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    expect((await getCase('c2'))?.version).toBe(seen + 1);
  });

  it('the version does not move when an append is refused for another reason', async () => {
    await createCase({ id: 'c3', year: 2026, kind: 'organization', applicantName: '连云港丙公司' });
    await refusal(appendCaseEvents('c3', [{ type: 'apply', on: '2026-02-30' } as never], 'staff', { expectedVersion: 0 }));
    expect((await getCase('c3'))?.version).toBe(0);
    expect(await getCaseEvents('c3')).toEqual([]);
  });
});

describe('other pages are told of each write (BroadcastChannel)', () => {
  let channel: BroadcastChannel | null = null;
  afterEach(() => channel?.close());

  it('an append and a draft save are announced with the record and its new version', async () => {
    const heard: RecordChange[] = [];
    channel = new BroadcastChannel(RECORDS_CHANNEL);
    channel.onmessage = (e) => heard.push(e.data as RecordChange);
    await createCase({ id: 'c4', year: 2026, kind: 'individual', applicantName: '王某' });
    await appendCaseEvents('c4', [{ type: 'apply', on: '2026-05-01', kind: 'individual' }], 'staff');
    await saveDraft({ id: 'portal/x', application: {} });
    for (let i = 0; i < 100 && heard.length < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(heard).toEqual(
      expect.arrayContaining([
        { store: 'cases', id: 'c4', version: 0 },
        { store: 'cases', id: 'c4', version: 1 },
        { store: 'drafts', id: 'portal/x', version: 1 },
      ]),
    );
  });
});
