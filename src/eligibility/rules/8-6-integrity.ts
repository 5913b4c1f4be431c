import { bi } from '../../core/i18n.ts';
import { conclude, organizationOf } from '../finding.ts';
import { integrityChecks, integrityFields } from '../integrity.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第八条（六）: good credit; no larger accident, complaint, own-fault dispute, failed inspection or dishonesty record. */
export const rule: Rule = {
  id: '8.6',
  title: ruleTitles['8.6'],
  appliesTo: 'organization',
  fields: [...integrityFields.map((f) => `applicant.${f}`), 'submittedOn'],
  evaluate(app, policy) {
    const { checks, evidence } = integrityChecks(organizationOf(app), app.submittedOn, policy, 'own');
    return conclude(
      rule, policy,
      checks,
      evidence,
      bi(
        `诚信记录良好，近 ${policy.organization.accidentWindowYears} 年无较大以上事故，近 ${policy.organization.inspectionWindowYears} 年无监督检查不合格，无其他不良记录`,
        `good credit; no larger accident in ${policy.organization.accidentWindowYears} years, no failed inspection in ${policy.organization.inspectionWindowYears} years, no other adverse record`,
      ),
    );
  },
};
