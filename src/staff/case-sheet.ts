import { z } from '../core/zod-mini.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import { rewardYuan } from '../policy/rewards.ts';
import type { PolicyPack } from '../policy/schema.ts';
import type { StaffCaseRow } from './rows.ts';
import { parseCsvTable } from './csv.ts';
import { atCell, casesFromTable, tableCellOf } from './import-formats.ts';
import { casesFileSchema, CASES_FILE_FORMAT, formatCasesFileIssuePath, splitBilingualMessage, type ParseCasesFileResult } from './cases-file.ts';

/**
 * The staff case list as a spreadsheet (.xlsx) and the way back in (.xlsx and .csv). The import
 * returns the same result as the JSON cases file (parseCasesFile): all or nothing, so nothing is
 * written when one row is wrong; each message names the row and column in Chinese and English.
 * A sheet carries case headers only: the imported cases start with an empty event log.
 *
 * Credit codes in CSV: an all-digit code (e.g. 913207000010040000) is read by Excel and Calc as a
 * number and destroyed. A formula (="…") or a leading tab would be a formula-injection or a changed
 * value; instead the CSV writes the code after U+2060 WORD JOINER, an invisible character that makes
 * the cell text in both programs. Our import strips it. The lossless spreadsheet is the .xlsx export,
 * where the code is a text-typed cell.
 */

export const WORD_JOINER = '\u2060';

export const caseSheetColumns = [
  { key: 'id', zh: '编号', width: 22 },
  { key: 'year', zh: '年度', width: 8 },
  { key: 'applicantName', zh: '申报主体', width: 32 },
  { key: 'creditCode', zh: '统一社会信用代码', width: 24 },
  { key: 'kind', zh: '类型', width: 8 },
  { key: 'recommender', zh: '推荐单位', width: 24 },
  { key: 'stage', zh: '阶段', width: 16 },
  { key: 'tier', zh: '奖项', width: 18 },
  { key: 'stageSince', zh: '进入阶段日期', width: 14 },
  { key: 'reward', zh: '第十一条奖励（元）', width: 18 },
  { key: 'eventCount', zh: '事件数', width: 8 },
  { key: 'refusedCount', zh: '被拒事件数', width: 10 },
] as const;

/**
 * The reward column's header in an award's own article (issue 16), e.g. 第十一条奖励（元）. The import does not
 * read this column, so files written with another award's or the old fixed header still import.
 */
export const rewardHeader = (policy: Pick<PolicyPack, 'rewards'> = defaultPolicy) => ({ zh: `${policy.rewards.source.article}奖励（元）`, en: 'Reward (CNY)' });

/** The sheet's columns with the reward header of `policy`. */
export const caseSheetColumnsFor = (policy: Pick<PolicyPack, 'rewards'> = defaultPolicy) =>
  caseSheetColumns.map((c) => (c.key === 'reward' ? { ...c, zh: rewardHeader(policy).zh } : c));

/** 第十一条 reward of an awarded case, by tier and kind; null otherwise. */
export const rowRewardYuan = (r: StaffCaseRow, policy: PolicyPack = defaultPolicy): number | null =>
  r.stage === 'awarded' && r.tier ? rewardYuan(policy, r.tier, r.kind) : null;

export type Cell = string | number | null;

export const bad = (zh: string, en: string): ParseCasesFileResult => ({ ok: false, errors: [{ path: '', message: { zh, en } }] });

/**
 * A case-list table (header row first) → the same result as parseCasesFile, through the staff import's
 * table reader (import-formats.ts casesFromTable): the same headers (Chinese, English or both), the
 * same cell cleaning, events kept when the table has an event column. A case list with stages and no
 * events gives the case headers with empty logs. Messages name the row and column.
 */
export function fromTable(table: Cell[][]): ParseCasesFileResult {
  if (table.length === 0) return bad('文件是空的：没有表头和案件行。', 'the file is empty: no header row and no cases.');
  const read = casesFromTable(table.map((r) => r.map((v) => (v === null ? '' : String(v)))), { caseList: 'headers' });
  if (!read.ok) return read;
  const parsed = casesFileSchema.safeParse(read.data);
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 50).map((issue) => {
      const m = splitBilingualMessage(issue.message);
      const cell = tableCellOf(issue.path, read.caseRows);
      return { path: formatCasesFileIssuePath(issue.path), message: cell ? atCell(cell, m) : m };
    }),
  };
}

const textSchema = z.string({ error: 'CSV 必须是文本 / a CSV must be text' });

/** A case list CSV (as exported, or edited in Excel/Calc) → the same result as parseCasesFile. */
export function parseCasesCsv(text: string): ParseCasesFileResult {
  const t = textSchema.safeParse(text);
  if (!t.success) return bad('CSV 内容必须是文本。', 'the CSV content must be text.');
  if (/^\s*[[{]/.test(t.data.replace(/^\uFEFF/, '')))
    return bad('这是 JSON 文件，不是 CSV：请用“导入 JSON”。', 'this is a JSON file, not CSV: import it as JSON.');
  return fromTable(parseCsvTable(t.data));
}

