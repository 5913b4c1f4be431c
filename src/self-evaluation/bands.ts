import { z } from '../core/zod-mini.ts';
import { parseOrThrow, throwZodErrorOnParse } from '../core/zod-contract.ts';
import { bi, type Bilingual } from '../core/i18n.ts';

/**
 * The six scoring bands of GB/Z 19579-2012 附录C (the same bands as Baldrige's scoring guidelines).
 * A score is a percent on the 5-step grid; the assessor first picks the band whose description fits
 * the item best as a whole, then a 5% step inside it. Descriptions are the product's own paraphrase.
 */
export interface ProcessFactors {
  /** 方法 Approach */ approach: Bilingual;
  /** 展开 Deployment */ deployment: Bilingual;
  /** 学习 Learning */ learning: Bilingual;
  /** 整合 Integration */ integration: Bilingual;
}
export interface ResultsFactors {
  /** 水平 Levels */ levels: Bilingual;
  /** 趋势 Trends */ trends: Bilingual;
  /** 对比 Comparisons */ comparisons: Bilingual;
  /** 整合 Integration */ integration: Bilingual;
}

export interface ScoringBand {
  id: '0-5' | '10-25' | '30-45' | '50-65' | '70-85' | '90-100';
  min: number;
  max: number;
  /** the percents the band allows, in 5% steps */
  percents: number[];
  label: Bilingual;
  process: { summary: Bilingual } & ProcessFactors;
  results: { summary: Bilingual } & ResultsFactors;
}

export const processFactorNames: Record<keyof ProcessFactors, Bilingual> = {
  approach: bi('方法', 'Approach'),
  deployment: bi('展开', 'Deployment'),
  learning: bi('学习', 'Learning'),
  integration: bi('整合', 'Integration'),
};
export const resultsFactorNames: Record<keyof ResultsFactors, Bilingual> = {
  levels: bi('水平', 'Levels'),
  trends: bi('趋势', 'Trends'),
  comparisons: bi('对比', 'Comparisons'),
  integration: bi('整合', 'Integration'),
};

const steps = (min: number, max: number) => Array.from({ length: (max - min) / 5 + 1 }, (_, i) => min + i * 5);

export const scoringBands: readonly ScoringBand[] = [
  {
    id: '0-5', min: 0, max: 5, percents: steps(0, 5), label: bi('0%–5%', '0%–5%'),
    process: {
      summary: bi('没有系统的方法，只有零散的事例。', 'No systematic approach; only anecdotes.'),
      approach: bi('没有系统方法，信息多为个别事例。', 'No systematic approach; information is anecdotal.'),
      deployment: bi('基本没有展开。', 'Little or no deployment.'),
      learning: bi('出了问题才处理，没有改进导向。', 'Problems are fixed only as they arise; no improvement orientation.'),
      integration: bi('各部门各自为政，缺少协调。', 'Units work in isolation; no alignment.'),
    },
    results: {
      summary: bi('没有结果，或结果很差。', 'No results, or poor results.'),
      levels: bi('没有报告结果，或绩效水平很差。', 'No results reported, or poor performance levels.'),
      trends: bi('没有趋势数据，或趋势多为不利。', 'No trend data, or mostly adverse trends.'),
      comparisons: bi('没有对比信息。', 'No comparative information.'),
      integration: bi('对使命至关重要的领域没有结果。', 'No results for areas that matter to the mission.'),
    },
  },
  {
    id: '10-25', min: 10, max: 25, percents: steps(10, 25), label: bi('10%–25%', '10%–25%'),
    process: {
      summary: bi('针对条款基本要求的系统方法刚刚起步。', 'A systematic approach to the item\'s basic requirement is just starting.'),
      approach: bi('开始有针对基本要求的系统方法。', 'The start of a systematic approach to the basic requirement.'),
      deployment: bi('多数部门处于展开初期，影响了进展。', 'Early deployment in most units holds back progress.'),
      learning: bi('开始从被动救火转向主动改进。', 'A first shift from fire-fighting to improvement.'),
      integration: bi('主要靠共同解决问题来协调。', 'Alignment comes mostly from solving problems together.'),
    },
    results: {
      summary: bi('少量结果，有初步改进或较好水平。', 'A few results, with some early improvement or good levels.'),
      levels: bi('少数结果有较好水平。', 'Good levels in a few results.'),
      trends: bi('趋势数据很少，或只有初步改进。', 'Little trend data, or only early improvement.'),
      comparisons: bi('几乎没有对比信息。', 'Little or no comparative information.'),
      integration: bi('覆盖了少数重要领域。', 'A few important areas are covered.'),
    },
  },
  {
    id: '30-45', min: 30, max: 45, percents: steps(30, 45), label: bi('30%–45%', '30%–45%'),
    process: {
      summary: bi('有效、系统的方法满足条款的基本要求。', 'An effective, systematic approach meets the item\'s basic requirement.'),
      approach: bi('方法有效、系统，满足基本要求。', 'Effective and systematic; meets the basic requirement.'),
      deployment: bi('已经展开，部分部门仍处于初期。', 'Deployed, though some units are still early.'),
      learning: bi('开始对关键过程进行系统的评价和改进。', 'Systematic evaluation and improvement of key processes is beginning.'),
      integration: bi('与组织的基本需要初步协调一致。', 'Early alignment with basic organisational needs.'),
    },
    results: {
      summary: bi('多数领域有较好水平或改进。', 'Good levels or improvements in many areas.'),
      levels: bi('许多领域有较好的绩效水平。', 'Good performance levels in many areas.'),
      trends: bi('许多领域有改进，趋势数据处于早期阶段。', 'Improvements in many areas; trend data at an early stage.'),
      comparisons: bi('对比信息处于早期阶段。', 'Comparisons are at an early stage.'),
      integration: bi('覆盖了许多重要领域。', 'Many important areas are covered.'),
    },
  },
  {
    id: '50-65', min: 50, max: 65, percents: steps(50, 65), label: bi('50%–65%', '50%–65%'),
    process: {
      summary: bi('有效、系统的方法满足条款的总体要求。', 'An effective, systematic approach meets the item\'s overall requirements.'),
      approach: bi('方法有效、系统，满足总体要求。', 'Effective and systematic; meets the overall requirements.'),
      deployment: bi('展开良好，部门之间略有差异。', 'Well deployed, with some variation between units.'),
      learning: bi('基于事实的评价和改进，有一定的学习和创新。', 'Fact-based evaluation and improvement, with some learning and innovation.'),
      integration: bi('与组织概述中的需要及其他过程条款协调一致。', 'Aligned with the needs in the profile and with the other process items.'),
    },
    results: {
      summary: bi('多数领域趋势向好或水平良好。', 'Improving trends or good levels in most areas.'),
      levels: bi('多数领域水平良好，重要领域没有普遍的差水平。', 'Good levels in most areas; no pattern of poor levels in important areas.'),
      trends: bi('多数领域趋势改善，没有普遍的不利趋势。', 'Improving trends in most areas; no pattern of adverse trends.'),
      comparisons: bi('部分对比显示较好到很好的相对水平。', 'Some comparisons show good to very good relative performance.'),
      integration: bi('覆盖了多数关键的顾客、市场和过程要求。', 'Most key customer, market and process requirements are covered.'),
    },
  },
  {
    id: '70-85', min: 70, max: 85, percents: steps(70, 85), label: bi('70%–85%', '70%–85%'),
    process: {
      summary: bi('有效、系统的方法满足条款的多方面（详细）要求。', 'An effective, systematic approach meets the item\'s multiple (detailed) requirements.'),
      approach: bi('方法满足条款的多方面要求。', 'Meets the item\'s multiple requirements.'),
      deployment: bi('展开良好，没有明显缺口。', 'Well deployed with no significant gaps.'),
      learning: bi('评价、改进、创新和分享是系统的，是关键的管理工具。', 'Evaluation, improvement, innovation and sharing are systematic key management tools.'),
      integration: bi('与组织当前和未来的需要相整合。', 'Integrated with current and future organisational needs.'),
    },
    results: {
      summary: bi('多数领域水平良好到优秀，有利趋势得以保持。', 'Good to excellent levels in most areas, with sustained beneficial trends.'),
      levels: bi('多数重要领域水平良好到优秀。', 'Good to excellent levels in most important areas.'),
      trends: bi('有利趋势长期保持。', 'Beneficial trends sustained over time.'),
      comparisons: bi('许多对比显示领先或很好的相对水平。', 'Many comparisons show leadership or very good relative performance.'),
      integration: bi('覆盖了多数关键的顾客、市场、过程和实施计划要求。', 'Covers most key customer, market, process and action-plan requirements.'),
    },
  },
  {
    id: '90-100', min: 90, max: 100, percents: steps(90, 100), label: bi('90%–100%', '90%–100%'),
    process: {
      summary: bi('方法全面满足条款的多方面要求，堪称标杆。', 'The approach fully meets the item\'s multiple requirements and is a benchmark.'),
      approach: bi('方法全面响应多方面要求。', 'Fully responsive to the multiple requirements.'),
      deployment: bi('全面展开，没有薄弱部门。', 'Fully deployed with no weak units.'),
      learning: bi('全组织范围的学习和创新，经验广泛分享。', 'Organisation-wide learning and innovation, widely shared.'),
      integration: bi('与组织需要完全整合。', 'Fully integrated with organisational needs.'),
    },
    results: {
      summary: bi('多数领域水平优秀，行业或标杆领先。', 'Excellent levels in most areas; industry or benchmark leadership.'),
      levels: bi('多数领域水平优秀。', 'Excellent levels in most areas.'),
      trends: bi('所有重要领域有利趋势持续保持。', 'Sustained beneficial trends in all important areas.'),
      comparisons: bi('许多领域显示行业或标杆领先。', 'Industry or benchmark leadership in many areas.'),
      integration: bi('结果全面覆盖关键要求，并支撑未来预测。', 'Results fully cover the key requirements and support projections.'),
    },
  },
];

/** A self-evaluation percent: 0–100 in steps of 5 (GB/Z 19579-2012 附录C). */
export const percentSchema = z.number({ error: '得分百分比必须是数字 / percent must be a number' }).check(z.gte(0, { error: '得分百分比不能小于 0 / percent must be at least 0' })).check(z.lte(100, { error: '得分百分比不能大于 100 / percent must be at most 100' })).check(z.refine((p) => Number.isInteger(p) && p % 5 === 0, {
    error: (issue) => `得分百分比 ${String(issue.input)} 不在 5% 的刻度上（0、5、10…100） / percent ${String(issue.input)} is not on the 5% grid (0, 5, 10 … 100)`,
  }));

/** The band a percent falls in (5 → 0–5%, 10 → 10–25%, 25 → 10–25%, 30 → 30–45% …). Throws a ZodError off the grid. */
export function bandOf(percent: number): ScoringBand {
  const p = parseOrThrow(percentSchema, percent);
  const band = scoringBands.find((b) => p >= b.min && p <= b.max);
  if (!band) throw new Error(`no band for ${p}`); // unreachable: the bands cover the grid
  return band;
}

// the exported schemas' .parse throws the classic ZodError, as with full zod (issue 19)
throwZodErrorOnParse(percentSchema);
