import { addYears, atLeastYearsBefore } from '../../core/calendar.ts';
import { bi } from '../../core/i18n.ts';
import { type Check, conclude, missing, mustBeFalse, mustBeTrue, ok, organizationOf } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第八条（一）: registered in Lianyungang, independent legal person, policy-compliant, N years of continuous operation. */
export const rule: Rule = {
  id: '8.1',
  title: ruleTitles['8.1'],
  appliesTo: 'organization',
  fields: [
    'applicant.registeredInLianyungang',
    'applicant.independentLegalPerson',
    'applicant.policyCompliant',
    'applicant.establishedOn',
    'applicant.operationInterrupted',
    'submittedOn',
  ],
  evaluate(app, policy) {
    const org = organizationOf(app);
    const years = policy.organization.minOperatingYears;
    const operating: Check =
      org.establishedOn == null
        ? missing('applicant.establishedOn')
        : atLeastYearsBefore(org.establishedOn, app.submittedOn, years)
          ? ok
          : {
              status: 'fail',
              field: 'applicant.establishedOn',
              problem: bi(
                `成立于 ${org.establishedOn}，至申报日 ${app.submittedOn} 连续经营不满 ${years} 年；${addYears(org.establishedOn, years)} 起方可申报`,
                `established on ${org.establishedOn}: less than ${years} years of operation by ${app.submittedOn}; you may apply from ${addYears(org.establishedOn, years)}`,
              ),
            };
    const { terms } = policy.award;
    const checks = [
      mustBeTrue(
        org.registeredInLianyungang,
        'applicant.registeredInLianyungang',
        bi(`未在${terms.region.zh}行政区域内登记注册，不属于本奖申报范围`, `not registered in ${terms.region.en}: the award is only for organisations registered there`),
      ),
      mustBeTrue(
        org.independentLegalPerson,
        'applicant.independentLegalPerson',
        bi('不具有独立法人资格，应由具备法人资格的主体申报', 'not an independent legal person: the legal-person entity must apply'),
      ),
      mustBeTrue(
        org.policyCompliant,
        'applicant.policyCompliant',
        bi('生产经营不符合国家产业、环保、节能或质量安全政策', 'operation does not comply with national industry, environmental, energy or quality-safety policy'),
      ),
      operating,
      mustBeFalse(
        org.operationInterrupted,
        'applicant.operationInterrupted',
        bi(`近 ${years} 年生产经营曾中断，须连续正常经营满 ${years} 年`, `operation was interrupted within the last ${years} years; ${years} years of continuous operation are required`),
      ),
    ];
    return conclude(
      rule, policy,
      checks,
      ['营业执照', '近三年财务审计报告', '合规经营证明'],
      bi(`在${terms.local.zh}登记注册的独立法人，连续正常经营 ${years} 年以上`, `independent legal person registered in ${terms.local.en}, ${years}+ years of continuous operation`),
    );
  },
};
