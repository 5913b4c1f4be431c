import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor, type EventLike } from '../../../src/messaging/case-sync.ts';
import type { StatusRow } from '../../../src/messaging/protocol.ts';
import { kindForStatusRows, syncStatusRowsByKind } from '../../../src/messaging/status-kind.ts';
import { demoPortalAdapter, statusRowsToEvents } from '../../../src/portal/index.ts';
import * as storage from '../../../src/storage/repos.ts';

beforeEach(async () => {
  await storage.closeDb();
  globalThis.indexedDB = new IDBFactory();
});

const org = '连云港海州精密机械有限公司';
const person = '王建国';
const row = (applicationNo: string, applicantName: string, statusText: string, date: string) => ({ applicationNo, applicantName, statusText, date });
const rows = [
  row('LYG2026-0012', org, '待推荐', '2026-03-02'),
  row('LYG2026-0031', person, '待推荐', '2026-03-05'),
  row('LYG2026-0012', org, '已推荐', '2026-03-10'),
];
// Newest first, as listDrafts returns them: the individual's draft was edited last.
const drafts = [
  { application: { applicant: { kind: 'individual', name: person } } },
  { application: { applicant: { kind: 'organization', name: ` ${org} ` } } },
];

const deps = {
  statusRowsToEvents: (r: StatusRow[], applicantKind: 'organization' | 'individual' | undefined) =>
    statusRowsToEvents(r, demoPortalAdapter, applicantKind ? { applicantKind } : {}) as never,
  getCase: storage.getCase,
  createCase: storage.createCase,
  getCaseEvents: storage.getCaseEvents,
  appendCaseEvents: (id: string, events: EventLike[], by: string) => storage.appendCaseEvents(id, events as never, by),
};

describe('status rows get their own applicant kind (contract §3 apply.kind)', () => {
  it('two drafts of different kinds: each case is recorded with the kind of the draft that names it', async () => {
    const { caseIds, unmapped } = await syncStatusRowsByKind(rows, drafts, deps);
    expect(caseIds).toEqual([caseIdFor('LYG2026-0012', org), caseIdFor('LYG2026-0031', person)]);
    expect(unmapped).toEqual([]);
    const orgCase = await storage.getCase(caseIdFor('LYG2026-0012', org));
    const personCase = await storage.getCase(caseIdFor('LYG2026-0031', person));
    expect(orgCase?.kind).toBe('organization');
    expect(personCase?.kind).toBe('individual');
    const orgApply = (await storage.getCaseEvents(orgCase!.id)).map((s) => s.event)[0] as { type: string; kind?: string };
    const personApply = (await storage.getCaseEvents(personCase!.id)).map((s) => s.event)[0] as { type: string; kind?: string };
    expect(orgApply).toMatchObject({ type: 'apply', kind: 'organization' });
    expect(personApply).toMatchObject({ type: 'apply', kind: 'individual' });
  });

  it('no draft names the applicant: no case, no apply with a guessed kind, and a bilingual reason', async () => {
    const { caseIds, unmapped } = await syncStatusRowsByKind([row('LYG2026-0099', '连云港某某公司', '待推荐', '2026-03-02')], drafts, deps);
    expect(caseIds).toEqual([]);
    expect(await storage.getCase(caseIdFor('LYG2026-0099', '连云港某某公司'))).toBeUndefined();
    expect(unmapped.map((u) => u.reason.en)).toEqual([
      'An apply event needs the applicant kind, which the status table does not give',
      'Applicant kind (organisation/individual) unknown: no draft matches this applicant, so the case was not recorded (Art. 10)',
    ]);
    expect(unmapped[1]!.reason.zh).toBe('无法确定申报类型（组织/个人）：没有与该申报名称匹配的草稿，未记录该案件（第十条）');
  });

  it('drafts naming the applicant with different kinds → unknown, not a guess', () => {
    const both = [
      { application: { applicant: { kind: 'individual', name: org } } },
      { application: { applicant: { kind: 'organization', name: org } } },
    ];
    expect(kindForStatusRows([rows[0]!], both)).toBeNull();
    expect(kindForStatusRows([rows[0]!], drafts)).toBe('organization');
    expect(kindForStatusRows([rows[1]!], drafts)).toBe('individual');
    expect(kindForStatusRows([rows[0]!], [])).toBeNull();
  });
});

describe('status rows that carry their own applicant kind (the portal\'s 申报类型 column)', () => {
  const kinded = (r: ReturnType<typeof row>, applicantKind: 'organization' | 'individual' | null) => ({ ...r, applicantKind });

  it('each case is recorded with its row kind, without any draft', async () => {
    const withKinds = [
      kinded(row('LYG2026-0012', org, '待推荐', '2026-03-02'), 'organization'),
      kinded(row('LYG2026-0031', person, '待推荐', '2026-03-05'), 'individual'),
      kinded(row('LYG2026-0012', org, '已推荐', '2026-03-10'), 'organization'),
    ];
    const { caseIds, unmapped } = await syncStatusRowsByKind(withKinds, [], deps);
    expect(caseIds).toEqual([caseIdFor('LYG2026-0012', org), caseIdFor('LYG2026-0031', person)]);
    expect(unmapped).toEqual([]);
    expect((await storage.getCase(caseIdFor('LYG2026-0012', org)))?.kind).toBe('organization');
    expect((await storage.getCase(caseIdFor('LYG2026-0031', person)))?.kind).toBe('individual');
    const personApply = (await storage.getCaseEvents(caseIdFor('LYG2026-0031', person))).map((s) => s.event)[0];
    expect(personApply).toMatchObject({ type: 'apply', kind: 'individual' });
  });

  it('the row kind wins over a draft of the other kind with the same name', () => {
    const wrongDraft = [{ application: { applicant: { kind: 'individual', name: org } } }];
    expect(kindForStatusRows([kinded(rows[0]!, 'organization')], wrongDraft)).toBe('organization');
  });

  it('rows of one case that disagree → unknown: no case, and the reason is listed', async () => {
    const split = [
      kinded(row('LYG2026-0044', org, '待推荐', '2026-03-02'), 'organization'),
      kinded(row('LYG2026-0044', org, '已推荐', '2026-03-10'), 'individual'),
    ];
    expect(kindForStatusRows(split, drafts)).toBeNull();
    const { caseIds, unmapped } = await syncStatusRowsByKind(split, drafts, deps);
    expect(caseIds).toEqual([]);
    expect(await storage.getCase(caseIdFor('LYG2026-0044', org))).toBeUndefined();
    expect(unmapped.some((u) => u.reason.zh.includes('无法确定申报类型'))).toBe(true);
  });

  it('rows whose kind cell was unrecognised (null) fall back to a matching draft, as rows without the column do', () => {
    expect(kindForStatusRows([kinded(rows[0]!, null)], drafts)).toBe('organization');
    expect(kindForStatusRows([kinded(rows[1]!, null)], drafts)).toBe('individual');
    expect(kindForStatusRows([kinded(rows[0]!, null)], [])).toBeNull();
    expect(kindForStatusRows([kinded(rows[0]!, null), kinded(rows[2]!, 'organization')], [])).toBe('organization');
  });
});
