import { toExcelCsv } from './csv.ts';
import { rewardHeader, rowRewardYuan, WORD_JOINER } from './case-sheet.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../policy/schema.ts';
import { applicantKindLabels, type StaffCaseRow } from './rows.ts';
import { rowLabelsFor, sharedRewardHeader, type PackOfRow } from './row-award.ts';

/** Column headers: Chinese first, English second, in one cell so Excel keeps them together. */
export const caseCsvHeaders = [
  '编号 ID',
  '年度 Year',
  '申报主体 Applicant',
  '统一社会信用代码 Credit code',
  '类型 Kind',
  '推荐单位 Recommender',
  '阶段 Stage',
  '奖项 Tier',
  '进入阶段日期 Stage since',
  '第十一条奖励（元） Reward (CNY)',
  '事件数 Events',
  '被拒事件 Refused events',
] as const;

/** The headers with the reward column in `policy`'s own article (issue 16). */
export const caseCsvHeadersFor = (policy: PolicyPack = defaultPolicy): string[] =>
  caseCsvHeaders.map((h) => (h === caseCsvHeaders[9] /* the reward column */ ? `${rewardHeader(policy).zh} ${rewardHeader(policy).en}` : h));

/** The list as CSV; with `packOf`, each row in its own case's award (a mixed list: issue 16). */
export function casesToCsv(rows: readonly StaffCaseRow[], policy: PolicyPack = defaultPolicy, packOf?: PackOfRow): string {
  const labels = rowLabelsFor(policy, packOf);
  const reward = sharedRewardHeader(rows, policy, packOf);
  return toExcelCsv([
    caseCsvHeaders.map((h) => (h === caseCsvHeaders[9] /* the reward column */ ? `${reward.zh} ${reward.en}` : h)),
    ...rows.map((r) => [
      r.id,
      r.year,
      r.applicantName,
      csvCreditCode(r.creditCode),
      applicantKindLabels[r.kind].zh,
      r.recommender ?? '',
      labels(r).stage.zh,
      labels(r).tier?.zh ?? '',
      r.stageSince ?? '',
      labels(r).reward ?? '',
      r.eventCount,
      r.refusedCount,
    ]),
  ]);
}

/**
 * A code a spreadsheet would read as a number (all digits, or digits with an exponent) gets a leading
 * U+2060 WORD JOINER: invisible, not a formula, and Excel and Calc keep the cell as text (see case-sheet.ts).
 */
export function csvCreditCode(code: string | null): string {
  if (!code) return '';
  return /^[0-9.eE+-]+$/.test(code) ? `${WORD_JOINER}${code}` : code;
}
