import { bi } from '../../core/i18n.ts';
import { banFinding, banKind } from '../bans.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/**
 * 第十四条: false material found during an application bars the applicant for N years
 * (Lianyungang 2021: 3); an award obtained by fraud is revoked and bars for N years (5).
 */
export const rule: Rule = {
  id: '14',
  title: ruleTitles['14'],
  appliesTo: 'both',
  fields: ['history', 'submittedOn'],
  evaluate(app, policy) {
    const { falseMaterialYears, fraudRevocationYears } = policy.bans;
    return banFinding(
      rule, policy,
      app,
      [
        banKind('disqualified-false-material', falseMaterialYears, (date) =>
          bi(`${date} 因提供虚假材料被取消申报资格`, `disqualified for false material on ${date}`),
        ),
        banKind('revoked-fraud', fraudRevocationYears, (date) => bi(`${date} 因弄虚作假骗取荣誉被撤销称号`, `award revoked for fraud on ${date}`)),
      ],
      bi('申报日不在因虚假材料或骗取荣誉的禁止申报期内', 'the submission date is outside any ban for false material or fraud'),
      undefined,
      policy.award.terms.office,
    );
  },
};
