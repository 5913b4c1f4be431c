import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentKey, eventDocId, judgeDoc, toDoc } from '../../../src/sharing/documents.ts';
import { book } from '../experts/helpers.ts';

const header = { id: 'c1', year: 2026, kind: 'organization' as const, applicantName: '连云港某某有限公司', creditCode: null, recommender: null, createdAt: '2026-03-01T08:00:00.000Z', version: 3, award: { awardId: 'lyg-mayor', versionId: '2021' } };
const event = { seq: 7, caseId: 'c1', event: { type: 'apply', on: '2026-03-02', kind: 'organization' }, recordedAt: '2026-03-02T01:00:00.000Z', recordedBy: 'staff' };
const served = (doc: object, rev = '1-abc') => ({ ...doc, _rev: rev });

describe('documents: our records as CouchDB documents (issue 20)', () => {
  it('a case travels without its local version and comes back accepted', () => {
    const doc = toDoc({ kind: 'case', record: header });
    expect(doc._id).toBe('case:c1');
    expect(doc.record).not.toHaveProperty('version');
    const v = judgeDoc(served(doc));
    expect(v.ok && v.shared).toEqual({ kind: 'case', record: { ...header, version: undefined } });
  });

  it('an event travels without its local seq, under an id made from its content', () => {
    const doc = toDoc({ kind: 'event', record: event });
    expect(doc.record).not.toHaveProperty('seq');
    expect(doc._id).toBe(eventDocId({ ...event, seq: undefined } as never).replace(/:[0-9a-f]{16}$/, '') + ':' + contentKey(doc.record));
    expect(toDoc({ kind: 'event', record: { ...event, seq: 99 } })._id).toBe(doc._id); // another replica's append number: same id
    expect(judgeDoc(served(doc)).ok).toBe(true);
  });

  it('refuses an event whose content was changed under the same id, an edited revision, a deletion', () => {
    const doc = toDoc({ kind: 'event', record: event }) as { _id: string; record: { recordedBy: string } };
    const forged = { ...doc, record: { ...doc.record, recordedBy: 'someone-else' } };
    const v = judgeDoc(served(forged));
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason.zh).toContain('编号与内容不符');
    const edited = judgeDoc(served(doc, '2-def'));
    expect(!edited.ok && edited.reason.zh).toContain('不可修改');
    const deleted = judgeDoc({ _id: doc._id, _rev: '2-x', _deleted: true });
    expect(!deleted.ok && deleted.reason.en).toContain('never deleted');
  });

  it('refuses what an import refuses: an unknown event type, a bad case year, a foreign shape', () => {
    const bad = toDoc({ kind: 'event', record: { ...event, event: { type: 'approve-everything', on: '2026-03-02' } } });
    expect(judgeDoc(served(bad)).ok).toBe(false);
    expect(judgeDoc(served(toDoc({ kind: 'case', record: { ...header, year: 1900 } }))).ok).toBe(false);
    expect(judgeDoc({ _id: 'x', _rev: '1-a', hello: 'world' }).ok).toBe(false);
    expect(judgeDoc(served({ _id: 'case:c1', kind: 'case', record: { ...header, version: undefined }, extra: 1 })).ok).toBe(false);
  });

  it('refuses a record under another record\'s id, and a kind this database must not carry', () => {
    const doc = toDoc({ kind: 'case', record: header });
    expect(judgeDoc(served({ ...doc, _id: 'case:c2' })).ok).toBe(false);
    const sb = toDoc({ kind: 'scorebook', record: book('x1', {}) });
    expect(judgeDoc(served(sb)).ok).toBe(true);
    const v = judgeDoc(served(sb), ['case', 'event']);
    expect(!v.ok && v.reason.zh).toContain('不应出现在这个数据库');
  });

  it('property: any accepted event document keeps its id when it round-trips, and any change to its content is refused', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0), fc.integer({ min: 0, max: 10_000 }), (by, minutes) => {
        const e = { ...event, recordedBy: by.trim(), recordedAt: new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString() };
        const doc = toDoc({ kind: 'event', record: e }) as { _id: string; record: Record<string, unknown> };
        const v = judgeDoc(served(doc));
        if (!v.ok) return true; // refused by the import schema itself (e.g. too long), never written
        expect(toDoc(v.shared)._id).toBe(doc._id);
        const changed = judgeDoc(served({ ...doc, record: { ...doc.record, recordedBy: `${by.trim()}!` } }));
        expect(changed.ok).toBe(false);
        return true;
      }),
    );
  });
});
