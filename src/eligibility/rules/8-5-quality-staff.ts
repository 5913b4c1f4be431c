import type { QualityStaffYear } from '../../application/schema.ts';
import { bi } from '../../core/i18n.ts';
import { type Check, conclude, fail, missing, needs, ok, organizationOf } from '../finding.ts';
import { ruleTitles } from '../rule-titles.ts';
import type { Rule } from '../types.ts';

const pct = (y: QualityStaffYear) => `${((100 * y.qualified) / y.total).toFixed(1)}%`;
/** Compares shares exactly (cross-multiplied integers): negative when a < b. */
const compareShares = (a: QualityStaffYear, b: QualityStaffYear) => a.qualified * b.total - b.qualified * a.total;

/**
 * 第八条（五）: the share of qualified quality professionals among quality-management staff reaches
 * a certain level and rises year by year. Contract §2: pass with at least N years (policy) and each
 * year's share above the previous; fail when any year's share falls; otherwise needs evidence.
 * The measures leave the "certain share" open; a policy pack may set `qualityStaffMinShare`.
 */
export const rule: Rule = {
  id: '8.5',
  title: ruleTitles['8.5'],
  appliesTo: 'organization',
  fields: ['applicant.qualityStaff'],
  evaluate(app, policy) {
    const org = organizationOf(app);
    const minYears = policy.organization.qualityStaffMinYears;
    const minShare = policy.organization.qualityStaffMinShare ?? null;
    const checks: Check[] = [];
    if (org.qualityStaff == null) checks.push(missing('applicant.qualityStaff'));
    else {
      const years = [...org.qualityStaff].sort((a, b) => a.year - b.year);
      for (let i = 1; i < years.length; i++) {
        const prev = years[i - 1]!;
        const cur = years[i]!;
        const cmp = compareShares(cur, prev);
        if (cmp < 0)
          checks.push(
            fail(
              `${cur.year} 年质量工作者比例 ${pct(cur)} 低于 ${prev.year} 年的 ${pct(prev)}，未保持逐年上升`,
              `the share in ${cur.year} (${pct(cur)}) is below ${prev.year} (${pct(prev)}): it must rise year by year`,
              'applicant.qualityStaff',
            ),
          );
        else if (cmp === 0)
          checks.push(
            needs(
              `${cur.year} 年比例 ${pct(cur)} 与 ${prev.year} 年持平，未体现上升趋势，由评审认定`,
              `the share in ${cur.year} (${pct(cur)}) equals ${prev.year}: no rise shown; the reviewers judge it`,
              'applicant.qualityStaff',
            ),
          );
      }
      if (years.length < minYears)
        checks.push(
          needs(
            `仅有 ${years.length} 个年度的数据，至少需要 ${minYears} 个年度才能体现逐年上升`,
            `only ${years.length} year(s) of data; at least ${minYears} are needed to show a rise`,
            'applicant.qualityStaff',
          ),
        );
      const latest = years[years.length - 1];
      if (minShare != null && latest && latest.qualified < minShare * latest.total)
        checks.push(
          fail(
            `${latest.year} 年质量工作者比例 ${pct(latest)} 低于规定的 ${(minShare * 100).toFixed(1)}%`,
            `the share in ${latest.year} (${pct(latest)}) is below the required ${(minShare * 100).toFixed(1)}%`,
            'applicant.qualityStaff',
          ),
        );
      if (checks.length === 0) checks.push(ok);
    }
    return conclude(
      rule, policy,
      checks,
      ['质量人员名册及资格证书'],
      bi('质量工作者比例逐年上升', 'the share of qualified quality professionals rises every year'),
    );
  },
};
