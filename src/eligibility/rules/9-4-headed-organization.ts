import { citeArticle } from '../../core/articles.ts';
import { bi, type Bilingual } from '../../core/i18n.ts';
import type { AwardPack } from '../../policy/schema.ts';
import { conclude, individualOf, needs, ok } from '../finding.ts';
import { integrityChecks, integrityFields } from '../integrity.ts';
import type { Rule } from '../types.ts';

/** 第九条（四）: an applicant who heads an organisation needs that organisation to meet 第八条（六） too. */
/** The organisation's integrity clause as an item, from the award's data: 第八条第（六）项 / Art. 8(6). */
function integrityItem(policy: Pick<AwardPack, 'organization'>): Bilingual {
  const source = policy.organization?.sources.integrity;
  if (!source) return bi('条款未核实', 'clause unverified');
  const inner = source.clause?.replace(/[()（）]/g, '');
  return { zh: inner ? `${source.article}第（${inner}）项` : source.article, en: citeArticle(source).en };
}

export const rule: Rule = {
  id: '9.4',
  // the clause it names is the award's (Lianyungang: 第八条第（六）项); unverified where the data lack it
  title: (pack) =>
    pack.organization?.sources.integrity
      ? bi(`所负责组织符合${integrityItem(pack).zh}`, `The organisation you head meets ${integrityItem(pack).en}`)
      : bi('所负责组织符合组织的诚信条件（条款未核实）', 'The organisation you head meets the integrity conditions (clause unverified)'),
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
