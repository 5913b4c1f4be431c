import type { Bilingual } from '../../core/i18n.ts';
import type { PolicyPack } from '../../policy/index.ts';
import { Bi, t } from './Bi.tsx';

/**
 * 获奖后监督: what the measures ask of a winner and of the office once a case is awarded
 * (第十二条, 第十七条, 第十八条), and the two roads to revocation (第十四条, 第十五条).
 */
export function afterAwardDuties(input: { year: number; tier: 'award' | 'nomination' | null }, policy: PolicyPack): { article: string; text: Bilingual }[] {
  const award = input.tier !== 'nomination';
  const title = award ? `${input.year}年度连云港市市长质量奖` : `${input.year}年度连云港市市长质量奖提名奖`;
  const titleEn = award ? `Lianyungang Mayor Quality Award ${input.year}` : `Lianyungang Mayor Quality Award nomination ${input.year}`;
  const { fraudRevocationYears: fraud, incidentRevocationYears: incident } = policy.bans;
  const banZh = fraud === incident ? `自撤销决定之日起 ${fraud} 年内不得申报` : `自撤销决定之日起不得申报（第十四条 ${fraud} 年，第十五条 ${incident} 年）`;
  const banEn = fraud === incident ? `no application for ${fraud} years` : `no application for ${fraud} years (第十四条) or ${incident} years (第十五条)`;
  return [
    {
      article: '第十八条',
      text: t(
        `称号可用于形象宣传，须注明获奖年度（如“${title}”）；不得用于产品宣传，不得在产品或包装上标注奖项标志和称号。`,
        `The title may be used in corporate publicity with the award year (e.g. “${titleEn}”), never in product advertising, on products or on packaging.`,
      ),
    },
    {
      article: '第十七条',
      text: t(
        '获奖者应制定提高质量水平和竞争力的新目标，并向其他组织和个人交流质量策略和成功经验（国家秘密和商业秘密除外）。',
        'The winner sets new goals for quality and competitiveness and shares its quality strategy and results with others (state and trade secrets excepted).',
      ),
    },
    {
      article: '第十二条',
      text: award
        ? t('优先推荐申报江苏省省长质量奖。', 'First in line to be recommended for the Jiangsu Governor Quality Award.')
        : t('优先推荐申报连云港市市长质量奖（提名奖不设禁报期）。', 'First in line to be recommended for the Mayor Quality Award (a nomination carries no lock).'),
    },
    {
      article: '第十四条 / 第十五条',
      text: t(
        `发现以弄虚作假获奖（第十四条），或获奖后发生重大质量、安全、环境等事故造成重大社会影响（第十五条）：报市政府批准撤销，收回奖牌、证书和奖金，${banZh}。在“记录决定”中记录“撤销”及原因。`,
        `Award won by fraud (第十四条), or a major quality, safety or environmental incident with major social impact after the award (第十五条): revoked with municipal-government approval, plaque, certificate and money recalled, ${banEn} from the revocation decision. Record “revoke” with its reason under Record a decision.`,
      ),
    },
  ];
}

export function AfterAward({ year, tier, policy }: { year: number; tier: 'award' | 'nomination' | null; policy: PolicyPack }) {
  return (
    <section class="after-award" data-testid="after-award" aria-label="获奖后监督 After the award">
      <h3>
        <Bi text={t('获奖后监督', 'After the award')} />
      </h3>
      <ul>
        {afterAwardDuties({ year, tier }, policy).map((d) => (
          <li key={d.article}>
            <span class="article">{d.article}</span> <Bi text={d.text} block />
          </li>
        ))}
      </ul>
    </section>
  );
}
