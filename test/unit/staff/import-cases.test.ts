import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { closeDb, createCase, getCaseEvents, listAllCaseEvents, listCases } from '../../../src/storage/repos.ts';
import { parseCasesFile } from '../../../src/staff/cases-file.ts';
import { commitImport, planImport } from '../../../src/ui/staff/import-cases.ts';

beforeEach(async () => {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

const file = (ids: string[]) => {
  const parsed = parseCasesFile({
    format: 'lyg-award/cases@1',
    cases: ids.map((id) => ({
      header: { id, year: 2026, kind: 'organization', applicantName: `企业${id}`, creditCode: null, recommender: '海州区人民政府' },
      events: [
        { event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedBy: 'import' },
        { event: { type: 'recommend', on: '2026-04-01', by: '海州区人民政府' }, recordedBy: 'import' },
      ],
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.file;
};

describe('case import: one transaction, all or nothing', () => {
  it('writes every case and its events in append order', async () => {
    const written = await commitImport(await planImport(file(['a', 'b', 'c'])));
    expect(written).toHaveLength(3);
    expect((await listCases()).map((c) => c.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await getCaseEvents('b')).map((e) => e.event.type)).toEqual(['apply', 'recommend']);
    expect(written[0]!.events[0]!.seq).toBeTypeOf('number');
  });

  it('the preview skips ids already stored (a log is never merged)', async () => {
    await createCase({ id: 'b', year: 2026, kind: 'organization', applicantName: '已有企业' });
    const plan = await planImport(file(['a', 'b']));
    expect(plan.skipped).toEqual(['b']);
    expect(plan.fresh.map((c) => c.header.id)).toEqual(['a']);
  });

  it('a case that appears between preview and confirm aborts the whole import: nothing is written', async () => {
    const plan = await planImport(file(['a', 'b', 'c']));
    await createCase({ id: 'c', year: 2026, kind: 'organization', applicantName: '抢先写入' });
    await expect(commitImport(plan)).rejects.toBeTruthy();
    expect((await listCases()).map((c) => c.id)).toEqual(['c']);
    expect(await listAllCaseEvents()).toEqual([]);
  });
});
