import { bi, type Bilingual } from '../../core/i18n.ts';
import type { PortalPage } from '../../messaging/protocol.ts';
import type { FindingView, PrecheckView } from '../../messaging/panel-protocol.ts';
import { articleIn } from '../../awards/cite.ts';
import { articleNumberEn } from '../../core/articles.ts';
import type { AwardPack } from '../../policy/schema.ts';

export const verdictText: Record<PrecheckView['verdict'], { title: Bilingual; detail: Bilingual }> = {
  eligible: {
    title: bi('可以申报', 'Eligible to apply'),
    // the articles holding the conditions come from the award's data: see `verdictTextIn`
    detail: bi('已填写的内容符合申报条件，请备齐证明材料。', 'What is filled in meets the conditions; gather the evidence.'),
  },
  ineligible: {
    title: bi('暂不符合', 'Not eligible yet'),
    detail: bi('至少有一项条件不符合，见下方标红的条款。', 'At least one condition is not met: see the clauses marked red below.'),
  },
  incomplete: {
    title: bi('待补充', 'Incomplete'),
    detail: bi('还有信息未填写或需要证明材料，补齐后再判断。', 'Some facts are missing or need evidence; complete them to decide.'),
  },
};

/**
 * The verdict's words under one award: 可以申报 names the articles holding its conditions
 * (Lianyungang: 第八条/第九条); an award whose data does not verify them says 条款未核实.
 */
export function verdictTextIn(pack: AwardPack): typeof verdictText {
  const arts = [...new Set(['8.1', '9.1'].map((r) => articleIn(pack, r)).filter((a): a is string => a !== null))];
  const detail = arts.length
    ? bi(`已填写的内容符合${arts.join('/')}的申报条件，请备齐证明材料。`, `What is filled in meets the conditions of Art. ${arts.map(articleNumberEn).join('/')}; gather the evidence.`)
    : bi('已填写的内容符合申报条件（条款未核实），请备齐证明材料。', 'What is filled in meets the conditions (clause unverified); gather the evidence.');
  return { ...verdictText, eligible: { ...verdictText.eligible, detail } };
}

export const statusText: Record<FindingView['status'], Bilingual> = {
  pass: bi('符合', 'Meets'),
  fail: bi('不符合', 'Fails'),
  'needs-evidence': bi('待补充', 'Needs evidence'),
};

export const pageText: Record<PortalPage, Bilingual> = {
  'application-form': bi('申报表', 'Application form'),
  'application-status': bi('申报进度', 'Application status'),
  'recommender-review': bi('推荐审核', 'Recommender review'),
  unknown: bi('申报系统', 'Portal'),
};

export const kindText = {
  organization: bi('组织', 'Organisation'),
  individual: bi('个人', 'Individual'),
} as const;
