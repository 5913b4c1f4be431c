import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendCaseEvents,
  clearAnchorMisses,
  createCase,
  deleteAdapter,
  deleteSelfEvaluation,
  getCase,
  getCaseEvents,
  getDraft,
  getProfile,
  getSelfEvaluation,
  getSetting,
  listAdapters,
  listAllCaseEvents,
  listAnchorMisses,
  listCases,
  listDrafts,
  listSelfEvaluations,
  MAX_ANCHOR_MISSES,
  recordAnchorMiss,
  saveAdapter,
  saveDraft,
  saveProfile,
  saveSelfEvaluation,
  setSetting,
  StorageError,
  getDb,
} from '../../../src/storage/index.ts';
import { freshDb } from './fresh-db.ts';

beforeEach(freshDb);

const header = { year: 2026, kind: 'organization' as const, applicantName: '连云港示例机械有限公司', creditCode: '91320700MA1XXXXXXX' };

describe('drafts', () => {
  it('saves, reads back and lists the most recently edited first', async () => {
    await saveDraft({ id: 'a', application: { applicant: { name: '甲' } } });
    await new Promise((r) => setTimeout(r, 5));
    const b = await saveDraft({ id: 'b', application: { applicant: { name: '乙' } }, source: 'portal' }, { durability: 'relaxed' });
    expect(b.source).toBe('portal');
    expect(await getDraft('a')).toMatchObject({ id: 'a', application: { applicant: { name: '甲' } } });
    expect((await listDrafts()).map((d) => d.id)).toEqual(['b', 'a']);
    expect(await getDraft('missing')).toBeUndefined();
  });

  it('overwrites a draft with the same id and drops undefined values (what a backup would carry)', async () => {
    await saveDraft({ id: 'a', application: { x: 1 } });
    await saveDraft({ id: 'a', application: { x: 2, y: undefined } });
    expect((await getDraft('a'))?.application).toEqual({ x: 2 });
    expect(await listDrafts()).toHaveLength(1);
  });

  it('refuses an empty id with a bilingual message naming the field, and writes nothing', async () => {
    const error = await saveDraft({ id: '  ', application: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('invalid');
    expect((error as StorageError).userMessage.zh).toContain('draft.id');
    expect((error as StorageError).userMessage.en).toContain('draft.id');
    expect(await listDrafts()).toEqual([]);
  });
});

describe('profiles and settings', () => {
  it('round-trips a profile and settings', async () => {
    await saveProfile({ id: 'org', data: { intro: '企业简介' } });
    expect((await getProfile('org'))?.data).toEqual({ intro: '企业简介' });
    expect(await getSetting('lang')).toBeUndefined();
    await setSetting('lang', 'zh-CN');
    await setSetting('flags', { tour: true });
    expect(await getSetting('lang')).toBe('zh-CN');
    expect(await getSetting('flags')).toEqual({ tour: true });
  });
});

describe('self-evaluations', () => {
  it('saves, lists newest round first, and deletes', async () => {
    await saveSelfEvaluation({ id: 's25', round: '2025', data: { scores: {} } });
    await saveSelfEvaluation({ id: 's26', round: '2026', data: { scores: { '4.1': 0.6 } } }, { durability: 'relaxed' });
    expect((await listSelfEvaluations()).map((s) => s.id)).toEqual(['s26', 's25']);
    expect((await getSelfEvaluation('s26'))?.data).toEqual({ scores: { '4.1': 0.6 } });
    await deleteSelfEvaluation('s26');
    expect(await getSelfEvaluation('s26')).toBeUndefined();
    expect(await listSelfEvaluations()).toHaveLength(1);
  });
});

describe('cases and the append-only event log', () => {
  it('creates a case, filters by year and never overwrites an existing id', async () => {
    const c = await createCase({ ...header, id: 'c1' });
    expect(c.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await createCase({ ...header, id: 'c2', year: 2025 });
    const generated = await createCase({ ...header, kind: 'individual', applicantName: '王工' });
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await listCases({ year: 2026 })).map((x) => x.id).sort()).toEqual(['c1', generated.id].sort());
    expect(await listCases()).toHaveLength(3);
    const dup = await createCase({ ...header, id: 'c1', applicantName: '冒名' }).catch((e: unknown) => e);
    expect((dup as StorageError).kind).toBe('conflict');
    expect((await getCase('c1'))?.applicantName).toBe(header.applicantName);
  });

  it('appends events in order, per case, and lists them all for bulk replay', async () => {
    await createCase({ ...header, id: 'c1' });
    await createCase({ ...header, id: 'c2' });
    await appendCaseEvents('c1', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }], 'portal-status-page');
    await appendCaseEvents('c2', [{ type: 'apply', on: '2026-03-02', kind: 'organization' }], 'staff');
    const stored = await appendCaseEvents('c1', [{ type: 'recommend', on: '2026-03-10', by: '市场监管局' }, { type: 'accept', on: '2026-04-01' }], 'staff');
    expect(stored.map((e) => e.seq)).toEqual([3, 4]);
    const log = await getCaseEvents('c1');
    expect(log.map((e) => e.event.type)).toEqual(['apply', 'recommend', 'accept']);
    expect(log[1]).toMatchObject({ caseId: 'c1', recordedBy: 'staff', event: { by: '市场监管局' } });
    expect((await listAllCaseEvents()).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses events for an unknown case, or a batch with one malformed event, and records none of them', async () => {
    await createCase({ ...header, id: 'c1' });
    const unknown = await appendCaseEvents('nope', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }], 'staff').catch((e: unknown) => e);
    expect((unknown as StorageError).kind).toBe('not-found');
    const bad = await appendCaseEvents('c1', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'accept', on: '2026-02-30' }], 'staff').catch((e: unknown) => e);
    expect((bad as StorageError).kind).toBe('invalid');
    expect((bad as StorageError).userMessage.en).toContain('events.1');
    const noBy = await appendCaseEvents('c1', [{ type: 'recommend', on: '2026-03-01' } as never], 'staff').catch((e: unknown) => e);
    expect((noBy as StorageError).userMessage.en).toContain('events.0');
    expect(await listAllCaseEvents()).toEqual([]);
  });

  it('stores events in the lifecycle’s canonical form (trimmed; a Date becomes its China calendar date)', async () => {
    await createCase({ ...header, id: 'c1' });
    await appendCaseEvents('c1', [{ type: 'recommend', on: new Date('2026-03-09T20:00:00Z'), by: '  区市场监管局 ' }], 'staff');
    expect((await getCaseEvents('c1'))[0]?.event).toEqual({ type: 'recommend', on: '2026-03-10', by: '区市场监管局' });
  });
});

describe('adapters and anchor misses', () => {
  it('saves, lists and deletes adapters', async () => {
    await saveAdapter({ id: 'jszwfw', adapter: { id: 'jszwfw', pages: [] } });
    expect((await listAdapters()).map((a) => a.id)).toEqual(['jszwfw']);
    await deleteAdapter('jszwfw');
    expect(await listAdapters()).toEqual([]);
  });

  it('records misses oldest first, caps them, and clears them', async () => {
    await recordAnchorMiss({ adapterId: 'demo', field: 'applicant.name', url: 'http://127.0.0.1/apply', tried: ['label:单位名称'] });
    const [first] = await listAnchorMisses();
    expect(first).toMatchObject({ seq: 1, field: 'applicant.name' });
    for (let i = 0; i < MAX_ANCHOR_MISSES + 5; i++) {
      await recordAnchorMiss({ adapterId: 'demo', field: `f${i}`, url: 'http://127.0.0.1/apply', tried: [] });
    }
    const misses = await listAnchorMisses();
    expect(misses).toHaveLength(MAX_ANCHOR_MISSES);
    expect(misses.at(-1)?.field).toBe(`f${MAX_ANCHOR_MISSES + 4}`);
    await clearAnchorMisses();
    expect(await listAnchorMisses()).toEqual([]);
  });
});

describe('connection', () => {
  it('memoises the connection', async () => {
    expect(await getDb()).toBe(await getDb());
  });
});
