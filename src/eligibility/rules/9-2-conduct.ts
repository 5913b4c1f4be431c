import { bi } from '../../core/i18n.ts';
import { conclude, individualOf, mustBeTrue } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第九条（二）: professional ethics, no violation of laws, good personal credit. */
export const rule: Rule = {
  id: '9.2',
  title: ruleTitles['9.2'],
  appliesTo: 'individual',
  fields: ['applicant.goodConduct', 'applicant.goodCredit'],
  evaluate(app, policy) {
    const person = individualOf(app);
    const checks = [
      mustBeTrue(
        person.goodConduct,
        'applicant.goodConduct',
        bi('有违反法律、法规或职业道德的行为', 'there are violations of law, regulations or professional ethics'),
      ),
      mustBeTrue(person.goodCredit, 'applicant.goodCredit', bi('个人信用记录不良，需先修复', 'the personal credit record is not good; repair it first')),
    ];
    return conclude(
      rule, policy,
      checks,
      ['个人信用报告', '无违法犯罪记录证明'],
      bi('职业道德和个人信用为自述，请附证明供评审核实', 'ethics and personal credit are self-declared: attach proof for the reviewers'),
    );
  },
};
