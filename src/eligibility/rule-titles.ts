import { citeArticle } from '../core/articles.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import type { AwardPack } from '../policy/schema.ts';
import type { Rule, RuleId } from './types.ts';

/** The organisation's integrity clause as an item, from the award's data: 第八条第（六）项 / Art. 8(6) (第九条（四）). */
export function integrityItem(policy: Pick<AwardPack, 'organization'>): Bilingual {
  const source = policy.organization?.sources.integrity;
  if (!source) return bi('条款未核实', 'clause unverified');
  const inner = source.clause?.replace(/[()（）]/g, '');
  return { zh: inner ? `${source.article}第（${inner}）项` : source.article, en: citeArticle(source).en };
}

/**
 * Each rule's title, apart from its check: the side panel's first screen (预检) names the clauses without loading
 * the rules (issue 19, side-panel size budget). The rule modules take their titles from here.
 */
export const ruleTitles = {
  '8.1': bi('登记注册、法人资格与连续经营', 'Registration, legal personality and continuous operation'),
  '8.2': bi('质量管理体系认证与卓越绩效成效', 'Quality management certification and performance-excellence results'),
  '8.3': bi('产品水平与知识产权', 'Product level and intellectual property'),
  '8.4': bi('社会责任与经营业绩', 'Social responsibility and business results'),
  '8.5': bi('质量工作者比例逐年上升', 'Share of qualified quality staff rising year by year'),
  '8.6': bi('诚信记录与无事故、无不良记录', 'Credit record; no accidents or adverse records'),
  '9.1': bi('在本市从事质量工作年限', 'Years of quality work in the city'),
  '9.2': bi('职业道德与个人信用', 'Professional ethics and personal credit'),
  '9.3': bi('工匠精神与突出贡献', 'Craftsmanship and outstanding contribution'),
  '14': bi('提供虚假材料或骗取荣誉的禁止申报期', 'Bans for false material or fraud'),
  '15': bi('获奖后发生事故被撤销的禁止申报期', 'Ban after revocation for an accident'),
  '16': bi('获奖后不再重新申报期', 'Lock after winning the award'),
  // the clause it names is the award's (Lianyungang: 第八条第（六）项); unverified where the data lack it
  '9.4': (pack: AwardPack) =>
    pack.organization?.sources.integrity
      ? bi(`所负责组织符合${integrityItem(pack).zh}`, `The organisation you head meets ${integrityItem(pack).en}`)
      : bi('所负责组织符合组织的诚信条件（条款未核实）', 'The organisation you head meets the integrity conditions (clause unverified)'),
} satisfies Record<RuleId, Rule['title']>;
