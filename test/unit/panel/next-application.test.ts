// Issue 16, Deliver 4: a Lianyungang winner's 进度 offers the provincial application (第十二条, from the
// award's data `recommendsTo`), carrying the profile and the self-evaluation rounds; the new draft
// records the Jiangsu award and its version. Words and article from the awards' data.
import { describe, expect, it } from 'vitest';
import { replayCase } from '../../../src/cases/index.ts';
import { jiangsuGovernor2023, lianyungang2021 } from '../../../src/awards/index.ts';
import { nextApplicationOffer, nextApplicationDraft, offerText, startNextApplication, type NextDraft } from '../../../src/ui/panel/provincial.ts';
import { countyAward } from '../awards/county-pack.ts';

const path = (tier: 'award' | 'nomination') => [
  { type: 'apply', on: '2026-03-01', kind: 'organization' },
  { type: 'recommend', on: '2026-03-10', by: '推荐单位' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
  { type: 'complete-site-review', on: '2026-06-01' },
  { type: 'propose', on: '2026-07-01', tier },
  { type: 'committee-approve', on: '2026-08-01' },
  { type: 'publicity-end', on: '2026-09-01' },
  { type: 'government-approve', on: '2026-09-10' },
];
const record = { id: 'c1', year: 2026, kind: 'organization' as const, applicantName: '港口集团', creditCode: '91320700MA1MXXXX0X' };
const summary = (events: unknown[], pack: typeof lianyungang2021 | typeof countyAward | null) => ({
  record,
  view: replayCase(events as never, pack ? { policy: pack as never } : undefined),
  pack: pack as never,
});
const TODAY = '2026-10-01';

describe('进度 offers a winner the next application named by its award’s data (issue 16)', () => {
  it('a Lianyungang Mayor award winner: the Jiangsu Governor award, 第十二条, the 2027 call', () => {
    const offer = nextApplicationOffer(summary(path('award'), lianyungang2021), TODAY)!;
    expect(offer).not.toBeNull();
    expect(offer.target.awardId).toBe('jiangsu-governor');
    expect(offer.measures.id).toBe(jiangsuGovernor2023.id);
    expect(offer.year).toBe(2027);
    const text = offerText(offer);
    expect(text.lead.zh).toContain('江苏省省长质量奖');
    expect(text.lead.zh).toContain('第十二条');
    expect(text.lead.zh).toContain('连政办发〔2021〕26号');
    expect(text.action.zh).toBe('开始申报 2027 年度江苏省省长质量奖');
    expect(text.lead.en).toContain('Art. 12');
    expect(text.lead.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('no offer before the award, for an unknown version, or when the award names no next award', () => {
    expect(nextApplicationOffer(summary(path('award').slice(0, 8), lianyungang2021), TODAY)).toBeNull();
    expect(nextApplicationOffer(summary(path('award'), null), TODAY)).toBeNull();
    const jiangsu = { record, view: replayCase(path('award') as never, { policy: jiangsuGovernor2023 as never }), pack: jiangsuGovernor2023 };
    expect(jiangsu.view.stage).toBe('awarded');
    expect(nextApplicationOffer(jiangsu, TODAY)).toBeNull();
  });

  it('the county award’s data names its own next award and article', () => {
    const offer = nextApplicationOffer(summary(path('award'), countyAward), TODAY)!;
    expect(offer.target.awardId).toBe('lianyungang-mayor');
    expect(offerText(offer).lead.zh).toContain('第十条');
    expect(offerText(offer).lead.zh).toContain('连云港市市长质量奖');
  });

  it('the draft carries the profile and the rounds, and records the Jiangsu award and version', () => {
    const offer = nextApplicationOffer(summary(path('award'), lianyungang2021), TODAY)!;
    const draft = nextApplicationDraft(offer, record, { 'applicant.name': '连云港港口集团有限公司', 'applicant.inventionPatents': '12', 'applicant.establishedOn': '2001-05-01' }, [{ id: 'se-2025' }, { id: 'se-2026' }]);
    expect(draft.award).toEqual({ awardId: 'jiangsu-governor', versionId: '2023' });
    expect(draft.recommendedFrom).toEqual({ caseId: 'c1', article: '第十二条', selfEvaluations: ['se-2025', 'se-2026'] });
    expect(draft.application).toMatchObject({
      format: 'lyg-award/application@1',
      year: 2027,
      applicant: { kind: 'organization', name: '连云港港口集团有限公司', creditCode: record.creditCode, inventionPatents: 12, establishedOn: '2001-05-01' },
    });
  });

  it('starts once: writes the draft with its rounds, then keeps it and writes nothing more', async () => {
    const saved: NextDraft[] = [];
    const drafts = new Map<string, unknown>();
    const store = {
      getProfile: async () => ({ data: { 'applicant.name': '港口集团' } }),
      listSelfEvaluations: async () => [{ id: 'se-2026' }],
      getDraft: async (id: string) => drafts.get(id),
      saveDraft: async (d: NextDraft, o: { expectedVersion: number }) => {
        expect(o.expectedVersion).toBe(0);
        saved.push(d);
        drafts.set(d.id, d);
      },
    };
    const offer = nextApplicationOffer(summary(path('award'), lianyungang2021), TODAY)!;
    const first = await startNextApplication(offer, record, store);
    expect(first).toMatchObject({ ok: true });
    expect(first.ok && first.message.zh).toContain('1 轮自评');
    expect(saved).toHaveLength(1);
    const again = await startNextApplication(offer, record, store);
    expect(again.ok).toBe(true);
    expect(saved).toHaveLength(1);
  });

  it('a failed write says so in plain Chinese and reports nothing saved', async () => {
    const offer = nextApplicationOffer(summary(path('award'), lianyungang2021), TODAY)!;
    const r = await startNextApplication(offer, record, {
      getProfile: async () => undefined,
      listSelfEvaluations: async () => [],
      getDraft: async () => undefined,
      saveDraft: async () => {
        throw new Error('quota');
      },
    });
    expect(r).toEqual({ ok: false, reason: expect.objectContaining({ zh: expect.stringContaining('没有保存任何内容') }) });
  });
});
