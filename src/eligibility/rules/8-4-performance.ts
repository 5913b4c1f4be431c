import { bi } from '../../core/i18n.ts';
import { conclude, mustBeTrue, organizationOf } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第八条（四）: social responsibility, results and contribution leading the city's industry (reviewer's judgement). */
export const rule: Rule = {
  id: '8.4',
  title: ruleTitles['8.4'],
  appliesTo: 'organization',
  fields: ['applicant.industryLeading', 'applicant.socialResponsibility'],
  evaluate(app, policy) {
    const org = organizationOf(app);
    const { terms } = policy.award;
    const checks = [
      mustBeTrue(
        org.industryLeading,
        'applicant.industryLeading',
        bi(
          `${terms.industryLeadingMeasures.zh}未居${terms.local.zh}同行业领先水平`,
          `${terms.industryLeadingMeasures.en} do not lead the industry in ${terms.local.en}`,
        ),
      ),
      mustBeTrue(
        org.socialResponsibility,
        'applicant.socialResponsibility',
        bi('未能证明认真履行社会责任、经营业绩优秀、社会贡献突出', 'social responsibility, excellent results and social contribution are not shown'),
      ),
    ];
    return conclude(
      rule, policy,
      checks,
      ['纳税证明', '近三年财务审计报告', '行业地位证明', '社会责任报告'],
      bi('行业领先和社会责任为自述，请附证明供评审核实', 'industry leadership and social responsibility are self-declared: attach proof for the reviewers'),
    );
  },
};
