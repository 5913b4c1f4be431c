import { bi } from '../../core/i18n.ts';
import { conclude, individualOf, needs, ok } from '../finding.ts';
import { integrityChecks, integrityFields } from '../integrity.ts';
import { integrityItem, ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第九条（四）: an applicant who heads an organisation needs that organisation to meet 第八条（六） too. */
export const rule: Rule = {
  id: '9.4',
  title: ruleTitles['9.4'],
  appliesTo: 'individual',
  fields: ['applicant.headsOrganization', ...integrityFields.map((f) => `applicant.headsOrganization.${f}`), 'submittedOn'],
  evaluate(app, policy) {
    const person = individualOf(app);
    const headed = person.headsOrganization;
    if (headed === null)
      return conclude(rule, policy, [ok], [], bi('申报人不是组织负责人，本项不适用', 'the applicant heads no organisation; this clause does not apply'));
    if (headed === undefined)
      return conclude(
        rule, policy,
        [
          needs(
            `未说明申报人是否为组织负责人：如是，请填写所负责组织的诚信与事故情况（${integrityItem(policy).zh}）；如否，请注明`,
            `not stated whether the applicant heads an organisation: if so, give that organisation’s ${integrityItem(policy).en} facts; if not, say so`,
            'applicant.headsOrganization',
          ),
        ],
        ['任职证明'],
        bi('', ''),
      );
    const { checks, evidence } = integrityChecks(headed, app.submittedOn, policy, 'headed');
    return conclude(
      rule, policy,
      checks,
      ['任职证明', ...evidence],
      bi(`所负责组织符合${integrityItem(policy).zh}`, `the organisation you head meets ${integrityItem(policy).en}`),
    );
  },
};
