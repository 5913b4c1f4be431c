import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lianyungang2021 } from '../../../src/index.ts';
import { AfterAward, afterAwardDuties } from '../../../src/ui/staff/AfterAward.tsx';

afterEach(cleanup);

describe('获奖后监督: what follows an award (第十二条, 第十七条, 第十八条, 第十四/十五条)', () => {
  it('a Mayor award: the title names its year, first in line for the provincial award, revocation bans for the policy’s years', () => {
    const duties = afterAwardDuties({ year: 2026, tier: 'award' }, lianyungang2021);
    expect(duties.map((d) => d.article)).toEqual(['第十八条', '第十七条', '第十二条', '第十四条 / 第十五条']);
    expect(duties[0]!.text.zh).toContain('2026年度连云港市市长质量奖');
    expect(duties[0]!.text.zh).toContain('不得在产品或包装上标注');
    expect(duties[2]!.text.zh).toContain('江苏省省长质量奖');
    expect(duties[3]!.text.zh).toContain(`${lianyungang2021.bans.fraudRevocationYears} 年内不得申报`);
  });

  it('a nomination: named as the nomination, sent back to apply for the Mayor award, with no lock', () => {
    const duties = afterAwardDuties({ year: 2025, tier: 'nomination' }, lianyungang2021);
    expect(duties[0]!.text.zh).toContain('2025年度连云港市市长质量奖提名奖');
    expect(duties[2]!.text.zh).toContain('优先推荐申报连云港市市长质量奖');
    expect(duties[2]!.text.en).toContain('no lock');
  });

  it('different ban years for 第十四条 and 第十五条 are both stated', () => {
    const policy = { ...lianyungang2021, bans: { ...lianyungang2021.bans, fraudRevocationYears: 5, incidentRevocationYears: 3 } };
    const zh = afterAwardDuties({ year: 2026, tier: 'award' }, policy)[3]!.text.zh;
    expect(zh).toContain('第十四条 5 年');
    expect(zh).toContain('第十五条 3 年');
  });

  it('renders as a labelled section, Chinese first', () => {
    render(<AfterAward year={2026} tier="award" policy={lianyungang2021} />);
    const section = screen.getByRole('region', { name: /获奖后监督/ });
    // without a case: the three duties as text, the revocation roads as a closing note
    expect(section.querySelectorAll('li')).toHaveLength(3);
    expect(section.querySelector('.revocation')!.textContent).toContain('第十四条 / 第十五条');
    expect(section.querySelector('li [lang="zh-CN"]')!.textContent).toContain('形象宣传');
  });
});
