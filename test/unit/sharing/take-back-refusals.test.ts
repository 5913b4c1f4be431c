// @vitest-environment node
// What the clerk refuses from a person's database (issue 20): documents that pass the import schemas but that
// person may not send are listed with a reason (audiences.ts refusedBack), never silently dropped; the office's own
// copies left in an expert's database are no forgery and are not listed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { refusedBack, takesBack } from '../../../src/sharing/audiences.ts';

const haizhou = { kind: 'recommender' as const, name: '海州区人民政府' };
const names = fc.constantFrom('海州区人民政府', '灌云县人民政府', '东海县人民政府');
const caseIds = fc.constantFrom('c1', 'c2', 'c3');
const doc = fc.oneof(
  fc.record({ id: caseIds, recommender: names }).map(({ id, recommender }) => ({ _id: `case:${id}`, kind: 'case', record: { id, recommender } })),
  fc.record({ caseId: caseIds, n: fc.nat(99) }).map(({ caseId, n }) => ({ _id: `event:${caseId}:${n}`, kind: 'event', record: { caseId } })),
  fc.record({ expert: fc.constantFrom('expert-a', 'expert-b'), n: fc.nat(99) }).map(({ expert, n }) => ({ _id: `scorebook:${n}`, kind: 'scorebook', record: { expert: { id: expert } } })),
  fc.constantFrom('c1', 'c2').map((id) => ({ _id: `assignment:${id}`, kind: 'assignment', record: { id } })),
);

describe('refusedBack', () => {
  it("a recommender's case or event the clerk does not take back is refused with a reason naming the document and the recommender", () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), (docs) => {
        const take = takesBack(haizhou, ['c1']);
        for (const d of docs) {
          if (take(d)) continue;
          const reason = refusedBack(haizhou, d);
          if (d.kind === 'case' || d.kind === 'event') {
            expect(reason?.zh).toContain(d._id);
            expect(reason?.zh).toContain(haizhou.name);
            expect(reason?.en).toContain(d._id);
          } else expect(reason).toBeNull();
        }
      }),
    );
  });

  it("another recommender's case is refused; the recommender's own case is taken", () => {
    const take = takesBack(haizhou, []);
    const foreign = { _id: 'case:x', kind: 'case', record: { id: 'x', recommender: '灌云县人民政府' } };
    expect(take(foreign)).toBe(false);
    expect(refusedBack(haizhou, foreign)?.zh).toBe('文档 case:x 不是推荐单位“海州区人民政府”所推荐的案件或其事件，不能从其数据库交回，已拒收。');
    expect(take({ _id: 'case:y', kind: 'case', record: { id: 'y', recommender: haizhou.name } })).toBe(true);
  });

  it("in an expert's database another expert's scorebook is refused; the office's copies (assigned case, group) are not listed", () => {
    const expert = { kind: 'expert' as const, name: 'expert-a' };
    expect(refusedBack(expert, { _id: 'scorebook:b', kind: 'scorebook', record: { expert: { id: 'expert-b' } } })?.en).toContain('expert-a');
    expect(refusedBack(expert, { _id: 'case:c1', kind: 'case', record: { id: 'c1' } })).toBeNull();
    expect(refusedBack(expert, { _id: 'assignment:c1', kind: 'assignment', record: { id: 'c1' } })).toBeNull();
  });

  it("nothing an applicant's database holds is listed by this rule (drafts are all they send)", () => {
    expect(refusedBack({ kind: 'applicant', name: '连云港申报甲公司' }, { _id: 'case:c1', kind: 'case', record: { id: 'c1' } })).toBeNull();
  });
});
