import { bi } from '../../core/i18n.ts';
import { banChecks, banEvidence, banPassMessage } from '../bans.ts';
import { conclude } from '../finding.ts';
import type { Rule } from '../types.ts';

/** 第十五条: an award revoked after an accident with major adverse social impact bars the winner for N years (2021: 5). */
export const rule: Rule = {
  id: '15',
  article: '第十五条',
  clause: null,
  title: bi('获奖后发生事故被撤销的禁止申报期', 'Ban after revocation for an accident'),
  appliesTo: 'both',
  fields: ['history', 'submittedOn'],
  evaluate(app, policy) {
    const years = policy.bans.incidentRevocationYears;
    const checks = banChecks(
      app,
      [
        {
          event: 'revoked-incident',
          years,
          describe: (e, freeFrom) =>
            bi(
              `${e.date} 因获奖后发生事故造成重大不良社会影响被撤销称号，${years} 年内不得申报；${freeFrom} 起方可再次申报`,
              `award revoked on ${e.date} after an accident with major adverse impact: no application for ${years} years; you may apply again from ${freeFrom}`,
            ),
        },
      ],
    );
    return conclude(
      rule,
      checks,
      banEvidence,
      banPassMessage(app, bi('申报日不在因事故被撤销称号的禁止申报期内', 'the submission date is outside any ban for an accident revocation')),
    );
  },
};
