import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { lianyungang2021 } from '../../../src/policy/index.ts';
import { replayCase, type CaseView } from '../../../src/cases/replay.ts';
import { caseEventSchema } from '../../../machines/case.events.ts';
import { happyPath, makeEvent } from './fixtures.ts';

/** Organisation case up to the start of publicity, posted on 2026-10-01. */
const toPublicity = () => happyPath('organization', 'award', '2026-09-25').slice(0, 7);

describe('replayCase: the contract basics', () => {
  it('an empty log is draft, not final, nothing rejected, no ban', () => {
    const v = replayCase([]);
    expect(v).toMatchObject({ stage: 'draft', tier: null, final: false, rejected: [], banUntil: null });
    expect(v.nextEvents).toEqual(['apply', 'withdraw']);
  });

  it('a full organisation case is awarded with its tier, not final, with the 第十一条 reward', () => {
    const v = replayCase(happyPath('organization', 'award'));
    expect(v).toMatchObject({ stage: 'awarded', tier: 'award', final: false, rejected: [], banUntil: null, kind: 'organization' });
    expect(v.tierRewardYuan).toBe(500_000);
    expect(v.nextEvents).toEqual(['revoke']);
  });

  it('records history with the stage each event entered, and the date the stage was entered', () => {
    const v = replayCase(happyPath('individual', 'nomination', '2026-03-02'));
    expect(v.history.map((h) => h.stage)).toEqual([
      'recommendation',
      'qualification-review',
      'material-review',
      'presentation',
      'comprehensive-evaluation',
      'committee',
      'publicity',
      'approval',
      'awarded',
    ]);
    expect(v.stageSince).toBe(v.history.at(-1)!.event.on);
    expect(v.tierRewardYuan).toBe(50_000);
    expect(v.lockedUntil).toBeNull(); // 第十六条 locks the Mayor award only
  });

  it('return goes back to draft and apply again re-enters recommendation', () => {
    const v1 = replayCase([makeEvent('apply', '2026-03-01'), makeEvent('return', '2026-03-05')]);
    expect(v1.stage).toBe('draft');
    expect(v1.stageSince).toBe('2026-03-05');
    const v2 = replayCase([makeEvent('apply', '2026-03-01'), makeEvent('return', '2026-03-05'), makeEvent('apply', '2026-03-06')]);
    expect(v2.stage).toBe('recommendation');
  });

  it('maps each negative decision to its outcome stage', () => {
    const org = happyPath('organization', 'award', '2026-03-02');
    const at = (n: number, type: Parameters<typeof makeEvent>[0]) => replayCase([...org.slice(0, n), makeEvent(type, '2026-12-01')]).stage;
    expect(at(1, 'decline')).toBe('not-recommended');
    expect(at(2, 'reject')).toBe('not-accepted');
    expect(at(3, 'fail-material-review')).toBe('not-selected');
    expect(at(5, 'not-proposed')).toBe('not-selected');
    expect(at(6, 'committee-reject')).toBe('not-selected');
    expect(at(7, 'publicity-objection-upheld')).toBe('disqualified');
    expect(at(8, 'government-reject')).toBe('not-selected');
    expect(at(4, 'withdraw')).toBe('withdrawn');
  });

  it('accepts a JS Date for `on` and stores its China calendar date', () => {
    // 2026-03-01T17:00Z is already 2026-03-02 in Shanghai
    const v = replayCase([{ type: 'apply', on: new Date('2026-03-01T17:00:00Z'), kind: 'organization' }]);
    expect(v.history[0]!.event.on).toBe('2026-03-02');
  });
});

describe('replayCase: publicity (第十条(五), 7 days, posted 10-01)', () => {
  it('starts publicity on the Committee date and can end on 10-08', () => {
    const v = replayCase(toPublicity());
    expect(v.stage).toBe('publicity');
    expect(v.publicityStartedOn).toBe('2026-10-01');
    expect(v.publicityEndsOn).toBe('2026-10-08');
  });

  it('refuses publicity-end on 10-07 (day 7 still runs) with a bilingual reason citing 第十条(五)', () => {
    const v = replayCase([...toPublicity(), makeEvent('publicity-end', '2026-10-07')]);
    expect(v.stage).toBe('publicity');
    expect(v.rejected).toHaveLength(1);
    expect(v.rejected[0]).toMatchObject({ index: 7, code: 'publicity-too-short' });
    expect(v.rejected[0]!.reason).toContain('第十条(五)');
    expect(v.rejected[0]!.reason).toBe(`${v.rejected[0]!.reasonI18n.zh} / ${v.rejected[0]!.reasonI18n.en}`);
    expect(v.rejected[0]!.reasonI18n.en).toContain('2026-10-08');
  });

  it('accepts publicity-end on 10-08', () => {
    const v = replayCase([...toPublicity(), makeEvent('publicity-end', '2026-10-08')]);
    expect(v.stage).toBe('approval');
    expect(v.rejected).toEqual([]);
  });

  it('a refused early end followed by a timely end still reaches approval', () => {
    const v = replayCase([...toPublicity(), makeEvent('publicity-end', '2026-10-05'), makeEvent('publicity-end', '2026-10-09')]);
    expect(v.stage).toBe('approval');
    expect(v.rejected.map((r) => r.index)).toEqual([7]);
  });

  it('an upheld objection disqualifies, with no ban (the slot is not refilled)', () => {
    const v = replayCase([...toPublicity(), makeEvent('publicity-objection-upheld', '2026-10-03')]);
    expect(v).toMatchObject({ stage: 'disqualified', final: true, banUntil: null });
  });

  it('uses the policy pack’s publicity days', () => {
    const policy = { ...lianyungang2021, lifecycle: { ...lianyungang2021.lifecycle, publicityDays: 10 } };
    expect(replayCase([...toPublicity(), makeEvent('publicity-end', '2026-10-10')], { policy }).stage).toBe('publicity');
    expect(replayCase([...toPublicity(), makeEvent('publicity-end', '2026-10-11')], { policy }).stage).toBe('approval');
  });
});

describe('replayCase: refusals', () => {
  it('refuses a date earlier than the previous accepted event, same day is fine', () => {
    const v = replayCase([makeEvent('apply', '2026-03-05'), makeEvent('recommend', '2026-03-04'), makeEvent('recommend', '2026-03-05')]);
    expect(v.stage).toBe('qualification-review');
    expect(v.rejected).toHaveLength(1);
    expect(v.rejected[0]).toMatchObject({ index: 1, code: 'out-of-order' });
  });

  it('compares dates with the last ACCEPTED event, not a refused one', () => {
    const v = replayCase([makeEvent('apply', '2026-03-05'), makeEvent('accept', '2026-04-01'), makeEvent('recommend', '2026-03-06')]);
    expect(v.stage).toBe('qualification-review');
    expect(v.rejected.map((r) => r.code)).toEqual(['wrong-stage']);
  });

  it('refuses site review for an individual, citing 第十条(三)', () => {
    const ind = happyPath('individual').slice(0, 4);
    const v = replayCase([...ind, makeEvent('complete-site-review', '2026-05-01')]);
    expect(v.stage).toBe('presentation');
    expect(v.rejected[0]).toMatchObject({ code: 'wrong-kind' });
    expect(v.rejected[0]!.reason).toContain('第十条(三)');
  });

  it('refuses a presentation for an organisation', () => {
    const org = happyPath('organization').slice(0, 4);
    const v = replayCase([...org, makeEvent('complete-presentation', '2026-05-01')]);
    expect(v.stage).toBe('site-review');
    expect(v.rejected[0]!.code).toBe('wrong-kind');
  });

  it('refuses anything after a final stage', () => {
    const v = replayCase([makeEvent('apply', '2026-03-01'), makeEvent('decline', '2026-03-02'), makeEvent('apply', '2026-03-03'), makeEvent('withdraw', '2026-03-04')]);
    expect(v).toMatchObject({ stage: 'not-recommended', final: true });
    expect(v.rejected.map((r) => [r.index, r.code])).toEqual([
      [2, 'closed'],
      [3, 'closed'],
    ]);
    expect(v.nextEvents).toEqual([]);
  });

  it('refuses withdraw after government approval; allows it in approval', () => {
    const all = happyPath('organization');
    expect(replayCase([...all.slice(0, 8), makeEvent('withdraw', '2026-12-01')]).stage).toBe('withdrawn');
    const v = replayCase([...all, makeEvent('withdraw', '2026-12-01')]);
    expect(v.stage).toBe('awarded');
    expect(v.rejected[0]!.code).toBe('wrong-stage');
    expect(v.rejected[0]!.reasonI18n.en).toContain('before government approval');
  });

  it('revokes only an awarded case', () => {
    const all = happyPath('organization');
    const early = replayCase([...all.slice(0, 8), makeEvent('revoke', '2026-12-01')]);
    expect(early.stage).toBe('approval');
    expect(early.rejected[0]!.reasonI18n.en).toContain('only an awarded case');
    expect(replayCase([...all, makeEvent('revoke', '2027-05-01')]).stage).toBe('revoked');
  });

  it('refuses false material before anything was filed', () => {
    const v = replayCase([makeEvent('false-material-found', '2026-03-01')]);
    expect(v.stage).toBe('draft');
    expect(v.rejected[0]!.code).toBe('not-filed');
  });

  it('reports wrong-stage with the events accepted now', () => {
    const v = replayCase([makeEvent('accept', '2026-03-01')]);
    expect(v.rejected[0]!.code).toBe('wrong-stage');
    expect(v.rejected[0]!.reasonI18n.en).toContain('accepted now: apply, withdraw');
  });
});

describe('replayCase: bans and locks (第十四条–第十六条), last banned day = D + N years − 1 day', () => {
  const at = (n: number) => happyPath('organization', 'award', '2026-03-02').slice(0, n);

  it('false material: disqualified, banned 3 years (第十四条)', () => {
    const v = replayCase([...at(3), makeEvent('false-material-found', '2026-05-10')]);
    expect(v).toMatchObject({ stage: 'disqualified', final: true, banUntil: '2029-05-10', banArticle: '第十四条' });
  });

  it('false material found in draft after a return still disqualifies', () => {
    const v = replayCase([makeEvent('apply', '2026-03-01'), makeEvent('return', '2026-03-02'), makeEvent('false-material-found', '2026-03-03')]);
    expect(v.banUntil).toBe('2029-03-03');
  });

  it('false material after the award is refused (revoke instead)', () => {
    const v = replayCase([...happyPath('organization'), makeEvent('false-material-found', '2027-01-01')]);
    expect(v.stage).toBe('awarded');
    expect(v.banUntil).toBeNull();
  });

  it('leap day: a false-material finding on 2028-02-29 bans through 2031-02-28 (民法典 第二百零二条: the month\'s last day)', () => {
    const v = replayCase([makeEvent('apply', '2028-02-01'), makeEvent('false-material-found', '2028-02-29')]);
    expect(v.banUntil).toBe('2031-02-28');
  });

  it('Civil Code boundary: false material decided 2023-06-30 → banUntil 2026-06-30 (starts the next day, ends on the corresponding day)', () => {
    const v = replayCase([makeEvent('apply', '2023-06-01'), makeEvent('false-material-found', '2023-06-30')]);
    expect(v.banUntil).toBe('2026-06-30');
  });

  it('fraud revocation: 5 years from the revocation date (第十四条)', () => {
    const v = replayCase([...happyPath('organization'), makeEvent('revoke', '2027-06-01', { reason: 'fraud' })]);
    expect(v).toMatchObject({ stage: 'revoked', final: true, banUntil: '2032-06-01', banArticle: '第十四条' });
  });

  it('incident revocation: 5 years (第十五条)', () => {
    const v = replayCase([...happyPath('organization'), makeEvent('revoke', '2027-06-01', { reason: 'incident' })]);
    expect(v).toMatchObject({ banUntil: '2032-06-01', banArticle: '第十五条' });
  });

  it('Mayor award: locked 5 years from government approval (第十六条), in lockedUntil, not banUntil', () => {
    const events = happyPath('organization', 'award', '2026-03-02');
    const v: CaseView = replayCase(events);
    expect(v.awardedOn).toBe(events.at(-1)!.on);
    expect(v.lockedUntil).toBe(`${Number(v.awardedOn!.slice(0, 4)) + 5}${v.awardedOn!.slice(4)}`);
    expect(v.lockArticle).toBe('第十六条');
    expect(v.banUntil).toBeNull();
  });
});

describe('replayCase: validation', () => {
  it('throws ZodError on a malformed log', () => {
    expect(() => replayCase('nope' as never)).toThrow(ZodError);
    expect(() => replayCase([{ type: 'apply', on: '2026-02-30', kind: 'organization' }])).toThrow(ZodError);
    expect(() => replayCase([{ type: 'apply', on: '2026-03-01' } as never])).toThrow(ZodError);
    expect(() => replayCase([{ type: 'fly', on: '2026-03-01' } as never])).toThrow(ZodError);
    expect(() => replayCase([{ type: 'recommend', on: '2026-03-01', by: '  ' }])).toThrow(ZodError);
    expect(() => replayCase([{ type: 'apply', on: new Date('nope'), kind: 'organization' }])).toThrow(ZodError);
  });

  it('names the field in a bilingual message', () => {
    const r = caseEventSchema.safeParse({ type: 'propose', on: '2026-03-01', tier: 'gold' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['tier']);
    expect(r.error!.issues[0]!.message).toMatch(/tier.*\/.*tier/);
  });

  it('throws ZodError on a malformed policy', () => {
    expect(() => replayCase([], { policy: { format: 'x' } as never })).toThrow(ZodError);
  });
});

describe('stage info for the staff page', async () => {
  const { caseStageInfo } = await import('../../../src/cases/labels.ts');
  const { caseStages } = await import('../../../machines/case.machine.ts');
  it('gives every stage a Chinese and English title and its article', () => {
    for (const s of caseStages) expect(caseStageInfo(s).title.zh && caseStageInfo(s).title.en && caseStageInfo(s).article, s).toBeTruthy();
    expect(caseStageInfo('site-review')).toMatchObject({ article: '第十条(三)', actor: 'experts', review: true });
  });
});
