import type { PolicyPack } from '../../policy/schema.ts';
import { lianyungang2021 } from './2021.ts';

/**
 * The draft amendment of 连政办发〔2021〕26号 put to public consultation on 2024-11-13 (comments due
 * 2024-12-13, smejs.cn): 第八条（四） no longer names 上缴税收, and 市质量发展委员会 becomes
 * 市质量发展和食品药品安全委员会. Everything else is the 2021 text, so a 2021 number changes here too.
 * Its effective date is unknown until it is published: `effectiveFrom` is null and a setting
 * (`AwardSettings.effectiveFrom`) supplies it; until then the 2021 version stays in force.
 */
export const lianyungang2024Draft: PolicyPack = {
  ...lianyungang2021,
  id: 'lianyungang-2024-draft',
  title: { zh: '连云港市市长质量奖管理办法（2024 年修订征求意见稿）', en: 'Lianyungang Mayor Quality Award Measures (2024 draft amendment)' },
  version: {
    id: '2024-draft',
    label: { zh: '2024 年修订稿（2024-11-13 征求意见）', en: '2024 draft amendment (consultation of 2024-11-13)' },
    effectiveFrom: null,
    status: 'draft',
  },
  award: {
    ...lianyungang2021.award,
    terms: {
      ...lianyungang2021.award.terms,
      committee: { zh: '市质量发展和食品药品安全委员会', en: 'the city quality development and food and drug safety committee' },
      office: { zh: '市质量发展和食品药品安全委员会办公室', en: 'the office of the city quality development and food and drug safety committee' },
      industryLeadingMeasures: { zh: '经营规模、总资产贡献率', en: 'scale and total-asset contribution' },
    },
  },
};
