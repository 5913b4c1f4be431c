import { todayInChina } from '../../core/calendar.ts';
import type { PrecheckView } from '../../messaging/panel-protocol.ts';
import type { ChecklistItem } from './checklist.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { packOfPrecheck } from './measures.ts';
import { articleIn, citeIn } from '../../awards/cite.ts';

export interface OpinionInput {
  applicantName: string | null;
  creditCode: string | null;
  year: number | null;
  precheck: PrecheckView | null;
  checklist: readonly ChecklistItem[];
  /** self-evaluation total (of 1000) when the application provides one */
  selfEvaluationScore: number | null;
  /** the award whose measures the opinion cites; by default the one the pre-check judged by (issue 16) */
  pack?: AwardPack;
}


export type Recommendation = 'recommend' | 'complete-first' | 'not-recommend';

/** What the findings point to: any failing clause → not recommended; anything missing → complete first. */
export function recommendationOf(input: Pick<OpinionInput, 'precheck' | 'checklist'>): Recommendation {
  if (input.precheck?.verdict === 'ineligible') return 'not-recommend';
  const formIncomplete = input.checklist.some((i) => (i.id.startsWith('form') || i.id === 'attachments') && i.status !== 'done');
  if (!input.precheck || input.precheck.verdict === 'incomplete' || formIncomplete) return 'complete-first';
  return 'recommend';
}

const NUM = ['一', '二', '三', '四', '五', '六'];


/**
 * A draft 推荐意见 (第十条（一）: the county/district government or municipal department signs it),
 * written from the findings and citing the articles. The recommender edits and signs it; never final.
 */
export function draftOpinion(input: OpinionInput): string {
  const name = input.applicantName?.trim() || '（申报单位名称）';
  const code = input.creditCode?.trim();
  // The award year is China's (第四条: 每年评审一次), not the reviewer's machine time zone.
  const year = input.year ?? Number(todayInChina().slice(0, 4));
  const pack = input.pack ?? packOfPrecheck(input.precheck);
  const awardName = pack.award.name.zh;
  const measures = `《${pack.title.zh.replace(/（[^）]*）$/, '')}》`;
  const materialsArt = citeIn(pack, '10.1').zh;
  const lines: string[] = [];
  lines.push('推荐意见（草稿）');
  lines.push('');
  lines.push(`${name}${code ? `（统一社会信用代码：${code}）` : ''}申报${year}年度${awardName}。经我单位审核，意见如下：`);
  const sections: string[] = [];

  const pc = input.precheck;
  if (pc) {
    const fails = pc.findings.filter((f) => f.status === 'fail');
    const needs = pc.findings.filter((f) => f.status === 'needs-evidence');
    const article = articleIn(pack, pc.kind === 'individual' ? '9.1' : '8.1');
    const [from, to] = [articleIn(pack, '14'), articleIn(pack, '16')];
    const banArts = from && to ? (from === to ? from : `${from}至${to}`) : null;
    const against = [article, banArts].filter(Boolean).join('及');
    let s = `申报资格：对照${measures}${against || '（条款未核实）'}${article && banArts ? '' : '（部分条款未核实）'}，`;
    if (fails.length === 0 && needs.length === 0) s += '各项申报条件均符合。';
    else {
      const parts: string[] = [];
      if (fails.length) parts.push(`不符合：${fails.map((f) => `${citeIn(pack, f.rule).zh}（${f.detail.zh}）`).join('；')}`);
      if (needs.length) parts.push(`需补充证明：${needs.map((f) => `${citeIn(pack, f.rule).zh}（${f.detail.zh}）`).join('；')}`);
      s += `${parts.join('。')}。`;
    }
    sections.push(s);
  } else {
    const arts = [articleIn(pack, '8.1'), articleIn(pack, '9.1')].filter(Boolean).join('/');
    sections.push(`申报资格：申报表内容尚无法完整读取，未能核对${arts || '（条款未核实）'}的申报条件。`);
  }

  const form = input.checklist.filter((i) => i.id.startsWith('form'));
  const missingFields = form.flatMap((i) => i.missing ?? []).map((m) => m.zh);
  sections.push(
    missingFields.length
      ? `申报材料（${materialsArt}）：申报表尚有未填写内容：${missingFields.join('、')}。`
      : `申报材料（${materialsArt}）：申报表各项内容已填写。`,
  );
  const att = input.checklist.find((i) => i.id === 'attachments');
  if (att) {
    const missing = (att.missing ?? []).map((m) => m.zh);
    sections.push(missing.length ? `证明材料：尚缺${missing.join('、')}。` : '证明材料：已按要求提供。');
  }
  if (input.selfEvaluationScore !== null) {
    sections.push(`自我评价：申报单位按 ${pack.selfEvaluation?.standard ?? '自评标准'} 自评得分 ${input.selfEvaluationScore} 分（满分 1000 分）。`);
  }
  sections.forEach((s, i) => lines.push(`${NUM[i] ?? i + 1}、${s}`));
  lines.push('');
  const rec = recommendationOf(input);
  lines.push(
    rec === 'recommend'
      ? `综上，该申报符合${measures}规定的申报条件，材料齐全，同意推荐。`
      : rec === 'complete-first'
        ? `综上，请申报单位补齐上述材料后再行推荐（${materialsArt}）。`
        : '综上，该申报不符合上述条款规定的申报条件，不予推荐。',
  );
  lines.push('');
  lines.push('推荐单位（盖章）：                日期：    年  月  日');
  return lines.join('\n');
}
