import { bi, type Bilingual } from '../../core/i18n.ts';
import type { PortalPage } from '../../messaging/protocol.ts';
import type { FindingView, PrecheckView } from '../../messaging/panel-protocol.ts';

export const verdictText: Record<PrecheckView['verdict'], { title: Bilingual; detail: Bilingual }> = {
  eligible: {
    title: bi('可以申报', 'Eligible to apply'),
    detail: bi('已填写的内容符合第八条/第九条的申报条件，请备齐证明材料。', 'What is filled in meets the conditions of Art. 8/9; gather the evidence.'),
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
