import { bi } from '../../core/i18n.ts';
import { banFinding, banKind } from '../bans.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/** 第十五条: an award revoked after an accident with major adverse social impact bars the winner for N years (2021: 5). */
export const rule: Rule = {
  id: '15',
  title: ruleTitles['15'],
  appliesTo: 'both',
  fields: ['history', 'submittedOn'],
  evaluate(app, policy) {
    return banFinding(
      rule, policy,
      app,
      [
        banKind('revoked-incident', policy.bans.incidentRevocationYears, (date) =>
          bi(`${date} 因获奖后发生事故造成重大不良社会影响被撤销称号`, `award revoked on ${date} after an accident with major adverse impact`),
        ),
      ],
      bi('申报日不在因事故被撤销称号的禁止申报期内', 'the submission date is outside any ban for an accident revocation'),
      undefined,
      policy.award.terms.office,
    );
  },
};
