// Issue 16: a third award (test-only, a county's award under 第二十一条 with its own numbering) runs
// through the pre-check, the side panel's screens, the recommender's opinion, the staff case page and
// 获奖后监督, and no Lianyungang article number, name or number appears anywhere: everything a person
// reads comes from the award's data.
import { cleanup, render } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awards, measuresOf } from '../../../src/awards/index.ts';
import { articleIn, citeIn, recite } from '../../../src/awards/cite.ts';
import { replayCase } from '../../../src/cases/index.ts';
import { precheckCore } from '../../../src/messaging/precheck-core.ts';
import { runPrecheck } from '../../../src/messaging/precheck.ts';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';
import { policyPackSchema, type AwardPack } from '../../../src/policy/schema.ts';
import { portalAdapterSchema } from '../../../src/portal/adapter-schema.ts';
import { demoPortalAdapter } from '../../../src/portal/demo-adapter.ts';
import demo from '../../../src/portal/adapters/demo-portal.json' with { type: 'json' };
import { appendCaseEvents, createCase } from '../../../src/storage/index.ts';
import { buildChecklist } from '../../../src/ui/panel/checklist.ts';
import { draftOpinion } from '../../../src/ui/panel/opinion.ts';
import { PrecheckTab } from '../../../src/ui/panel/PrecheckTab.tsx';
import { RecommenderTab } from '../../../src/ui/panel/RecommenderTab.tsx';
import { StatusTab } from '../../../src/ui/panel/StatusTab.tsx';
import { lang } from '../../../src/ui/lang.ts';
import { AfterAward, afterAwardDuties } from '../../../src/ui/staff/AfterAward.tsx';
import { CaseViewPanel } from '../../../src/ui/staff/CaseView.tsx';
import { cases, reloadCase, selectedId } from '../../../src/ui/staff/store.ts';
import { lianyungang2021 } from '../../../src/awards/lianyungang-mayor/2021.ts';
import { countyAward } from './county-pack.ts';
import { eligibleOrganization } from '../shell/fixtures.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { buildYearReport } from '../../../src/staff/year-report.ts';
import { dutyTasks, titleUseProblems } from '../../../src/staff/duties.ts';
import { caseStages, stageTitles, stageTitlesFor } from '../../../machines/case.stages.ts';

const s = (article: string, ref: string, clause?: string) => ({ article, ref, ...(clause ? { clause } : {}) });

/** The county award with every source in its own numbering (procedure in 第四条, bans in 第十一条–第十三条…). */
const county: AwardPack = policyPackSchema.parse({
  ...countyAward,
  id: 'test-county-screens-2025',
  award: { ...countyAward.award, id: 'test-county-screens', recommendsTo: null },
  document: { number: '测县政发〔2025〕1号', issuedOn: '2025-01-01' },
  organization: {
    ...countyAward.organization,
    sources: Object.fromEntries(['operation', 'qms', 'products', 'performance', 'qualityStaff', 'integrity'].map((k, i) => [k, s('第六条', `8.${i + 1}`, `(${'一二三四五六'[i]})`)])),
  },
  individual: {
    ...countyAward.individual,
    sources: Object.fromEntries(['experience', 'conduct', 'craftsmanship', 'organization'].map((k, i) => [k, s('第七条', `9.${i + 1}`, `(${'一二三四'[i]})`)])),
  },
  bans: { ...countyAward.bans, sources: { falseMaterial: s('第十一条', '14'), fraud: s('第十一条', '14'), incident: s('第十二条', '15'), mayorAward: s('第十三条', '16') } },
  lifecycle: {
    ...countyAward.lifecycle,
    sources: {
      procedure: s('第四条', '10'),
      selfEvaluation: s('第四条', '10.1', '(一)'),
      qualification: s('第四条', '10.2', '(二)'),
      review: s('第四条', '10.3', '(三)'),
      report: s('第四条', '10.4', '(四)'),
      publicity: s('第四条', '10.5', '(五)'),
      approval: s('第四条', '10.6', '(六)'),
      recommenders: s('第三条', '7'),
      award: s('第二条', '3'),
      duties: s('第十四条之一', '17'),
      titleUse: s('第十四条之二', '18'),
    },
  },
  quotas: { award: { ...countyAward.quotas.award, source: s('第二条', '4') }, nomination: { ...countyAward.quotas.nomination, source: s('第二条', '4') } },
  rewards: { ...countyAward.rewards, higherAwards: [], source: s('第二十条', '11') },
  selfEvaluation: { ...countyAward.selfEvaluation, source: s('第四条', '10.1', '(一)') },
  expertPanel: { ...countyAward.expertPanel!, source: s('第五条', '6') },
});

/** Every Lianyungang-only word or article a county screen must never show (its own 第十四条之一/之二 aside). */
const LIANYUNGANG = /连云港|市长质量奖|本市|连政办发|市政府|市质量发展委员会|(?<!县)质量发展委员会审议|第八条|第九条|第十条|第十五条|第十六条|第十七条|第十八条|第十二条（|不少于 7 天|Art\. (8|9|10|14|15|16|17|18)\b/;
const noLianyungang = (text: string) => {
  const hit = LIANYUNGANG.exec(text.replace(/第十四条之[一二]/g, ''));
  expect(hit ? `${hit[0]} in: …${text.slice(Math.max(0, hit.index - 60), hit.index + 60)}…` : null).toBeNull();
};

const registry = awards as Record<string, readonly AwardPack[]>;
beforeAll(() => {
  // adding an award is one line in the registry (src/awards/index.ts): no engine file changes
  registry['test-county-screens'] = [county];
});
afterAll(() => {
  delete registry['test-county-screens'];
});
beforeEach(async () => {
  await freshDb();
  lang.value = 'zh';
  cases.value = new Map();
  selectedId.value = null;
});
afterEach(cleanup);

const adapter = { ...portalAdapterSchema.parse(demo), award: 'test-county-screens' };
const countyCore = precheckCore((id) => (id === 'county-portal' ? adapter : demoPortalAdapter), () => '2026-06-30');
/** A county organisation founded 2023-07-01: 3 years by 2026-07-01 fails Lianyungang's 8(1), passes the county's 2. */
const fields = eligibleOrganization({ 'applicant.name': '测试县示范精工有限公司', 'applicant.establishedOn': '2023-07-01', 'applicant.qmsCertificates': null });

function panelState(): TabState {
  const { precheck, hints } = runPrecheck(countyCore, fields, 'county-portal');
  return { tabId: 1, url: 'https://county.test/apply', page: 'recommender-review', adapterId: 'county-portal', takenAt: 1, fields, attachments: [], precheck, hints, draftId: null, caseIds: [], picker: null };
}

describe('a third award runs through every screen with none of Lianyungang’s numbers or words (issue 16)', () => {
  it('citeIn reads the county’s own numbering; a reference the pack does not give is 条款未核实', () => {
    expect(citeIn(county, '8.1')).toEqual({ zh: '第六条（一）', en: 'Art. 6(1)' });
    expect(citeIn(county, '10.5')).toEqual({ zh: '第四条（五）', en: 'Art. 4(5)' });
    expect(citeIn(county, '99').zh).toBe('条款未核实');
    expect(articleIn(county, '16')).toBe('第十三条');
    expect(recite(county, '第十条(五) / 第十四条').zh).toBe('第四条（五） / 第十一条');
    expect(recite(county, '第十条(四)–(五)').zh).toBe('第四条（四）–第四条（五）');
    expect(recite(lianyungang2021, '第十条(五) / 第十四条').zh).toBe('第十条（五） / 第十四条');
  });

  it('pre-check: judged by the county pack, its findings, badges and measures line cite the county', () => {
    const state = panelState();
    const pc = state.precheck!;
    expect(pc.measures).toEqual(measuresOf(county));
    const f81 = pc.findings.find((f) => f.rule === '8.1')!;
    expect(f81.status).toBe('pass'); // 2 years suffice in the county (Lianyungang: 3)
    for (const f of pc.findings) noLianyungang(`${f.message.zh} ${f.detail.zh} ${f.message.en}`);
    expect(state.hints.length).toBeGreaterThan(0);
    for (const h of state.hints) noLianyungang(`${h.text.zh} ${h.cite?.zh ?? ''} ${h.text.en} ${h.cite?.en ?? ''}`);
    render(<PrecheckTab state={{ ...state, page: 'application-form' }} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('测试县县长质量奖');
    expect(text).toContain('测县政发〔2025〕1号');
    noLianyungang(text);
  });

  it('recommender: checklist, clause list and the draft opinion cite the county measures', () => {
    const state = panelState();
    const checklist = buildChecklist({ state, recommended: null, selfEvaluation: null });
    for (const i of checklist) noLianyungang(`${i.title.zh} ${i.article.zh}`);
    const opinion = draftOpinion({ applicantName: '测试县示范精工有限公司', creditCode: null, year: 2026, precheck: state.precheck, checklist, selfEvaluationScore: null });
    expect(opinion).toContain('申报2026年度测试县县长质量奖');
    expect(opinion).toContain('《测试县县长质量奖管理办法》第六条及第十一条至第十三条');
    noLianyungang(opinion);
    render(<RecommenderTab state={state} checklist={checklist} />);
    noLianyungang(document.body.textContent ?? '');
  });

  it('进度 (side panel): a disqualified county case shows the county’s 2-year ban under its own article', () => {
    const events = [
      { type: 'apply', on: '2026-03-01', kind: 'organization' },
      { type: 'false-material-found', on: '2026-04-01' },
    ] as const;
    const view = replayCase(events as never, { policy: county });
    expect(view.banUntil).toBe('2028-04-01');
    const record = { id: 'c1', year: 2026, kind: 'organization', applicantName: '测试县示范精工有限公司', createdAt: '2026-03-01T00:00:00Z', award: { awardId: 'test-county-screens', versionId: '2025' } } as const;
    render(<StatusTab cases={[record as never]} current={{ record: record as never, view, eventCount: 2, pack: county }} onSelect={() => undefined} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('第十一条：至 2028-04-01（含）不得申报');
    noLianyungang(text);
    // the lifecycle's stage names are the county's own (its committee, its approver)
    const stages = stageTitlesFor(county.award);
    expect(stages.committee.zh).toBe('县质量发展委员会审议');
    expect(stages.approval.zh).toBe('县政府批准');
    for (const st of caseStages) noLianyungang(stages[st].zh);
    expect(stageTitlesFor(lianyungang2021.award).approval.zh).toBe(stageTitles.approval.zh);
    expect(stageTitlesFor(lianyungang2021.award).committee.zh).toBe('市质量发展委员会审议');
  });

  it('staff case page: a county case is replayed and cited by the county pack', async () => {
    await createCase({ id: 'county-1', year: 2026, kind: 'organization', applicantName: '测试县示范精工有限公司', recommender: '县工信局', award: { awardId: 'test-county-screens', versionId: '2025' } });
    await appendCaseEvents('county-1', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'false-material-found', on: '2026-04-01' }], 'staff');
    await reloadCase('county-1');
    expect(cases.value.get('county-1')?.view?.banUntil).toBe('2028-04-01');
    selectedId.value = 'county-1';
    render(<CaseViewPanel />);
    noLianyungang(document.body.textContent ?? '');
  });

  it('获奖后监督: the county’s names, articles and ban years', () => {
    const duties = afterAwardDuties({ year: 2026, tier: 'award' }, county);
    expect(duties.map((d) => d.article)).toEqual(['第十四条之二', '第十四条之一', '条款未核实', '第十一条 / 第十二条']);
    for (const d of duties) noLianyungang(`${d.text.zh} ${d.text.en}`);
    expect(duties[0]!.text.zh).toContain('2026年度测试县县长质量奖');
    // the dated duties and the title-use checks: the county's articles, the county's title
    const tasks = dutyTasks({ year: 2026, tier: 'award', awardedOn: '2026-12-01' }, undefined, '2026-12-02', county);
    expect(tasks.map((x) => x.article)).toEqual(['第十四条之一', '第十四条之一', '第十四条之二', '条款未核实', '条款未核实']);
    expect(tasks.find((x) => x.id === 'title-use')!.text.zh).toContain('2026年度测试县县长质量奖');
    for (const x of tasks) noLianyungang(`${x.article} ${x.title.zh} ${x.text.zh} ${x.text.en}`);
    for (const p of ['product', 'packaging', 'product-advertising'] as const) for (const m of titleUseProblems({ place: p, namedYear: null } as never, 2026, county)) noLianyungang(`${m.zh} ${m.en}`);
    expect(titleUseProblems({ place: 'product', namedYear: 2026 } as never, 2026, county)[0]!.zh).toContain('第十四条之二');
    render(<AfterAward year={2026} tier="award" policy={county} />);
    noLianyungang(document.body.textContent ?? '');
  });

  it('年度评审工作报告: the county’s name, tier names and ban articles', () => {
    const report = buildYearReport({
      year: 2026,
      today: '2026-12-01',
      stageCounts: Object.fromEntries(caseStages.map((st) => [st, st === 'awarded' ? 1 : 0])) as never,
      summary: null,
      quotaArticle: county.quotas.award.source.article,
      rewards: { items: [{ caseId: 'c1', applicantName: '测试县示范精工有限公司', tier: 'award', kind: 'organization', yuan: 500000, recalled: false }], totalYuan: 500000 } as never,
      rewardArticle: county.rewards.source.article,
      bans: [{ caseId: 'c2', applicant: '乙', cause: 'won-mayor-award', article: '第十三条', from: '2026-05-01', until: '2029-05-01' }] as never,
      duties: [],
      pack: county,
    });
    expect(report.title).toBe('2026年度测试县县长质量奖评审工作报告');
    expect(report.sections[3]!.title).toContain('第十一条—第十三条');
    expect(report.sections[3]!.rows[0]![1]).toBe('已获县长质量奖，期满前不得再次申报');
    noLianyungang(JSON.stringify(report));
  });
});
