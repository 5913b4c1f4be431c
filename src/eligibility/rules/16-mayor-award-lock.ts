import { bi } from '../../core/i18n.ts';
import { banFinding, banKind } from '../bans.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

/**
 * 第十六条: Mayor award winners may not apply again for N years (2021: 5). A Nomination award
 * locks nothing: 第十二条 sends nomination winners back to apply for the Mayor award.
 */
export const rule: Rule = {
  id: '16',
  title: ruleTitles['16'],
  appliesTo: 'both',
  fields: ['history', 'submittedOn'],
  evaluate(app, policy) {
    const years = policy.bans.mayorAwardLockYears;
    const award = policy.award.shortName;
    const history = app.history ?? [];
    const nominated = history.some((e) => e.event === 'won-nomination-award');
    const awarded = nominated || history.some((e) => e.event === 'won-mayor-award');
    return banFinding(
      rule, policy,
      app,
      [banKind('won-mayor-award', years, (date) => bi(`${date} 获得${award.zh}`, `won the ${award.en} on ${date}`), 'lock')],
      nominated
        ? bi(
          `不在获得${award.zh}后 ${years} 年内；提名奖不限制再次申报${award.zh}`,
          `not within ${years} years of winning the ${award.en}; a nomination award does not block applying for it`,
        )
        : bi(`不在获得${award.zh}后 ${years} 年内`, `not within ${years} years of winning the ${award.en}`),
      awarded ? ['获奖证书'] : undefined,
      policy.award.terms.office,
    );
  },
};
