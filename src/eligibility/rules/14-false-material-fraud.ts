import { bi } from '../../core/i18n.ts';
import { banChecks, banEvidence, banPassMessage } from '../bans.ts';
import { conclude } from '../finding.ts';
import type { Rule } from '../types.ts';

/**
 * 第十四条: false material found during an application bars the applicant for N years
 * (Lianyungang 2021: 3); an award obtained by fraud is revoked and bars for N years (5).
 */
export const rule: Rule = {
  id: '14',
  article: '第十四条',
  clause: null,
  title: bi('提供虚假材料或骗取荣誉的禁止申报期', 'Bans for false material or fraud'),
  appliesTo: 'both',
  fields: ['history', 'submittedOn'],
  evaluate(app, policy) {
    const { falseMaterialYears, fraudRevocationYears } = policy.bans;
    const checks = banChecks(
      app,
      [
        {
          event: 'disqualified-false-material',
          years: falseMaterialYears,
          describe: (e, freeFrom) =>
            bi(
              `${e.date} 因提供虚假材料被取消申报资格，${falseMaterialYears} 年内不得申报；${freeFrom} 起方可再次申报`,
              `disqualified for false material on ${e.date}: no application for ${falseMaterialYears} years; you may apply again from ${freeFrom}`,
            ),
        },
        {
          event: 'revoked-fraud',
          years: fraudRevocationYears,
          describe: (e, freeFrom) =>
            bi(
              `${e.date} 因弄虚作假骗取荣誉被撤销称号，${fraudRevocationYears} 年内不得申报；${freeFrom} 起方可再次申报`,
              `award revoked for fraud on ${e.date}: no application for ${fraudRevocationYears} years; you may apply again from ${freeFrom}`,
            ),
        },
      ],
    );
    return conclude(
      rule,
      checks,
      banEvidence,
      banPassMessage(app, bi('申报日不在因虚假材料或骗取荣誉的禁止申报期内', 'the submission date is outside any ban for false material or fraud')),
    );
  },
};
