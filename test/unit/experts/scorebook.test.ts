import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  diffEvents, exportScorebook, foldScorebook, parseScorebook, readScorebookFile, scorebookProblems,
  suggestAssignment, regionOfCreditCode, rankApplicants, expertPoolSchema, type Scorebook,
} from '../../../src/experts/index.ts';
import { defaultPolicy } from '../../../src/policy/index.ts';
import { book, T0 } from './helpers.ts';

describe('scorebook rules (回避 before scoring)', () => {
  it('refuses a score before the declaration, after a declared conflict, by another expert, or with a duplicate id', () => {
    const b = book('a', { '4.1.2': 50 });
    const [declare, score] = b.events;
    const cases: [Scorebook['events'], string][] = [
      [[score!, declare!], '评分前必须先作回避声明'],
      [[{ ...(declare as Extract<Scorebook['events'][number], { type: 'declare' }>), declaration: { conflict: true, relations: ['family'], statement: '' } }, score!], '已声明回避，不能再评分'],
      [[declare!, { ...score!, expert: 'someone-else' }], '不是本评分册专家'],
      [[declare!, { ...score!, id: declare!.id }], '重复'],
      [[declare!, { ...declare!, id: 'again' }], '只能作一次'],
    ];
    for (const [events, message] of cases) {
      const problems = scorebookProblems({ ...b, events });
      expect(problems.map((p) => p.message.zh).join(' ')).toContain(message);
      expect(parseScorebook({ ...b, events }).ok).toBe(false);
    }
    expect(scorebookProblems(b)).toEqual([]);
  });

  it('refuses percents off the 5% grid and unknown items with a Chinese message', () => {
    const b = book('a', { '4.1.2': 50 });
    const bad = { ...b, events: [b.events[0], { ...b.events[1], percent: 47 }] };
    const r = parseScorebook(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message.zh).toContain('5% 的刻度');
    const unknown = parseScorebook({ ...b, events: [b.events[0], { ...b.events[1], item: '4.9.9' }] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]!.message.zh).toContain('未知的评分条款');
  });

  it('a conflict declaration needs a relation; no conflict needs none', () => {
    const b = book('a', {});
    const withNoRelation = { ...b, events: [{ ...b.events[0]!, declaration: { conflict: true, relations: [], statement: '' } }] };
    expect(parseScorebook(withNoRelation).ok).toBe(false);
  });

  it('diffEvents + fold round-trips what the expert typed (property)', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.record({ percent: fc.option(fc.integer({ min: 0, max: 20 }).map((k) => k * 5), { nil: null }), strengths: text, verify: text }), { minLength: 2, maxLength: 2 }), (edits) => {
        let b = book('a', {});
        let k = 0;
        for (const edit of edits) {
          const events = diffEvents(foldScorebook(b), { '4.2.2': edit }, { expert: 'a', at: T0, id: () => `d${++k}` });
          b = { ...b, events: [...b.events, ...events] };
          const s = foldScorebook(b);
          expect(s.items['4.2.2']).toMatchObject(edit);
          // nothing changes → no new events
          expect(diffEvents(s, { '4.2.2': edit }, { expert: 'a', at: T0, id: () => 'x' })).toEqual([]);
        }
        expect(parseScorebook(b).ok).toBe(true);
      }),
    );
  });
});

describe('scorebook file (SHA-256 envelope shared with backups)', () => {
  it('exports and reads back; a changed byte is refused with the checksum message', async () => {
    const b = book('a', { '4.1.2': 50, '4.7.2': 70 });
    const file = await exportScorebook(b, new Date(T0));
    const text = JSON.stringify(file);
    const read = await readScorebookFile(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.state.items['4.7.2'].percent).toBe(70);
    const tampered = await readScorebookFile(text.replace('"percent":70', '"percent":75'));
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect(tampered.errors[0]!.message.zh).toContain('校验和不符');
  });

  it('refuses other files with a clear message', async () => {
    for (const [input, words] of [
      ['{not json', '不是有效的 JSON'],
      [JSON.stringify({ format: 'lyg-award/backup@1' }), '这不是评分册文件'],
      [JSON.stringify({ format: 'lyg-award/scorebook@1', createdAt: T0 }), '文件结构不完整'],
    ] as const) {
      const r = await readScorebookFile(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message.zh).toContain(words);
    }
  });
});

describe('expert pool (专家库, 第六条)', () => {
  const pool = expertPoolSchema.parse([
    { id: 'p1', name: '王工', fields: ['机械制造'], affiliation: '连云港海州精密机械有限公司', region: '' },
    { id: 'p2', name: '李教授', fields: ['化工'], affiliation: '江苏海洋大学', region: '320703' },
    { id: 'p3', name: '张高工', fields: ['机械制造'], affiliation: '南京质量协会', region: '320100' },
    { id: 'p4', name: '赵主任', fields: ['食品'], affiliation: '徐州检测中心', region: '320300', declaredConflicts: ['91320703MA1XB2C3DB'] },
    { id: 'p5', name: '钱博士', fields: ['电子'], affiliation: '苏州标准院', region: '320500' },
  ]);
  it('leaves out same affiliation, same region (from the credit code) and declared conflicts; ranks by field then load', () => {
    expect(regionOfCreditCode('91320703MA1XB2C3DB')).toBe('320703');
    const s = suggestAssignment(pool, { name: '连云港海州精密机械有限公司', creditCode: '91320703MA1XB2C3DB', field: '机械制造' }, 2, { p5: 0, p3: 3 });
    expect(s.excluded.map((e) => [e.expert.id, e.reasons])).toEqual([['p1', ['same-affiliation']], ['p2', ['same-region']], ['p4', ['declared']]]);
    expect(s.suggested.map((e) => e.id)).toEqual(['p3', 'p5']);
    expect(s.short).toBe(false);
    expect(suggestAssignment(pool, { name: '连云港海州精密机械有限公司', creditCode: '91320703MA1XB2C3DB' }, 3).short).toBe(true);
  });
  it('refuses a pool with a repeated id', () => {
    expect(expertPoolSchema.safeParse([{ id: 'a', name: 'x' }, { id: 'a', name: 'y' }]).success).toBe(false);
  });
});

describe('综合评价 ranking within the 第四条 quotas', () => {
  it('proposes at most the quotas, at most one individual per tier, only after the site visit; marks ties at an edge', () => {
    const q = defaultPolicy.quotas;
    const entries = Array.from({ length: 10 }, (_, i) => ({ caseId: `c${i}`, applicantName: `单位${i}`, kind: (i % 3 === 0 ? 'individual' : 'organization') as 'organization' | 'individual', total: 900 - i * 10, siteDone: i !== 1 }));
    const r = rankApplicants(entries, defaultPolicy);
    const awards = r.entries.filter((e) => e.proposed === 'award');
    const noms = r.entries.filter((e) => e.proposed === 'nomination');
    expect(awards.length).toBe(q.award.max);
    expect(awards.filter((e) => e.kind === 'individual').length).toBeLessThanOrEqual(q.award.maxIndividuals);
    expect(noms.length).toBeLessThanOrEqual(q.nomination.max);
    expect(noms.filter((e) => e.kind === 'individual').length).toBeLessThanOrEqual(q.nomination.maxIndividuals);
    expect(r.entries.find((e) => e.caseId === 'c1')!.proposed).toBeNull();
    expect(r.source).toBe('第四条');
    const tie = rankApplicants([{ caseId: 'a', applicantName: '甲', kind: 'organization', total: 800, siteDone: true }, { caseId: 'b', applicantName: '乙', kind: 'organization', total: 800, siteDone: true }], { quotas: { ...q, award: { ...q.award, max: 1 }, nomination: { ...q.nomination, max: 0 } } });
    expect(tie.entries.map((e) => e.tieAtEdge)).toEqual([true, true]);
    expect(tie.entries.map((e) => e.rank)).toEqual([1, 1]);
  });
});
