import { addYears, atLeastYearsBefore } from '../../core/calendar.ts';
import { bi } from '../../core/i18n.ts';
import { type Check, conclude, fail, individualOf, missing, ok } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第九条（一）: at least N years of quality or quality-related work in Lianyungang. */
export const rule: Rule = {
  id: '9.1',
  title: ruleTitles['9.1'],
  appliesTo: 'individual',
  fields: ['applicant.qualityWorkInLianyungangSince', 'submittedOn'],
  evaluate(app, policy) {
    const person = individualOf(app);
    const years = policy.individual.minQualityWorkYears;
    const since = person.qualityWorkInLianyungangSince;
    const check: Check =
      since == null
        ? missing('applicant.qualityWorkInLianyungangSince')
        : atLeastYearsBefore(since, app.submittedOn, years)
          ? ok
          : fail(
              `自 ${since} 起在${policy.award.terms.local.zh}从事质量工作，至申报日 ${app.submittedOn} 不满 ${years} 年；${addYears(since, years)} 起方可申报`,
              `quality work in ${policy.award.terms.local.en} since ${since}: less than ${years} years by ${app.submittedOn}; you may apply from ${addYears(since, years)}`,
              'applicant.qualityWorkInLianyungangSince',
            );
    return conclude(
      rule, policy,
      [check],
      ['工作经历证明'],
      bi(`在${policy.award.terms.local.zh}从事质量工作 ${years} 年以上`, `${years}+ years of quality work in ${policy.award.terms.local.en}`),
    );
  },
};
