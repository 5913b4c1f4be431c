import { PRODUCT_LEVEL_LABELS } from '../../application/option-labels.ts';
import { bi } from '../../core/i18n.ts';
import { type Check, conclude, fail, missing, ok, organizationOf } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

const LEVELS = PRODUCT_LEVEL_LABELS;

/** At least `min` of something counted; `min` comes from the policy pack. */
function atLeast(value: number | null | undefined, min: number, field: string, what: { zh: string; en: string }): Check {
  if (value == null) return missing(field);
  if (value >= min) return ok;
  return fail(`${what.zh}为 ${value} 件，至少需要 ${min} 件`, `${what.en}: ${value}, at least ${min} required`, field);
}

/** 第八条（三）: main products at or above the provincial advanced level; registered trademark(s) and invention patents. */
export const rule: Rule = {
  id: '8.3',
  title: ruleTitles['8.3'],
  appliesTo: 'organization',
  fields: ['applicant.productLevel', 'applicant.registeredTrademarks', 'applicant.inventionPatents'],
  evaluate(app, policy) {
    const org = organizationOf(app);
    const { productLevelsAccepted, minRegisteredTrademarks, minInventionPatents } = policy.organization;
    const accepted = productLevelsAccepted.map((l) => LEVELS[l]?.zh ?? l).join('、');
    const level: Check =
      org.productLevel == null
        ? missing('applicant.productLevel')
        : productLevelsAccepted.includes(org.productLevel)
          ? ok
          : fail(
              `主导产品技术和质量指标为“${LEVELS[org.productLevel]?.zh ?? org.productLevel}”，须为以下水平之一：${accepted}`,
              `main products are at “${LEVELS[org.productLevel]?.en ?? org.productLevel}” level; ${productLevelsAccepted.map((l) => LEVELS[l]?.en ?? l).join(', ')} is required`,
              'applicant.productLevel',
            );
    const checks = [
      level,
      atLeast(org.registeredTrademarks, minRegisteredTrademarks, 'applicant.registeredTrademarks', bi('注册商标', 'registered trademarks')),
      atLeast(org.inventionPatents, minInventionPatents, 'applicant.inventionPatents', bi('发明专利', 'invention patents')),
    ];
    return conclude(
      rule, policy,
      checks,
      ['产品技术水平证明', '商标注册证', '发明专利证书'],
      bi(
        `主导产品水平在认可范围内（${accepted}），拥有注册商标和至少 ${minInventionPatents} 件发明专利`,
        `main products at an accepted level (${productLevelsAccepted.map((l) => LEVELS[l]?.en ?? l).join(', ')}), with registered trademark(s) and at least ${minInventionPatents} invention patent(s)`,
      ),
    );
  },
};
