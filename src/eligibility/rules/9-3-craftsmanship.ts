import { bi } from '../../core/i18n.ts';
import { conclude, individualOf, mustBeTrue } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第九条（三）: long-term quality work with results showing craftsmanship (工匠精神) and clear benefits (reviewer's judgement). */
export const rule: Rule = {
  id: '9.3',
  title: ruleTitles['9.3'],
  appliesTo: 'individual',
  fields: ['applicant.craftsmanshipResults'],
  evaluate(app, policy) {
    const person = individualOf(app);
    const checks = [
      mustBeTrue(
        person.craftsmanshipResults,
        'applicant.craftsmanshipResults',
        bi('尚无体现“工匠精神”的工作成果或显著效益', 'no results yet showing craftsmanship or clear benefits'),
      ),
    ];
    return conclude(
      rule, policy,
      checks,
      ['工匠精神成果证明'],
      bi('工作成果为自述，请附证明供评审核实', 'results are self-declared: attach proof for the reviewers'),
    );
  },
};
