import { z } from 'zod';
import { defaultPolicy, rewardYuan, type PolicyPack } from '../policy/index.ts';
import type { StaffCaseRow } from './rows.ts';
import { parseCsvTable } from './csv.ts';
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

/** 第十一条 reward of an awarded case, by tier and kind; null otherwise. */
export const rowRewardYuan = (r: StaffCaseRow, policy: PolicyPack = defaultPolicy): number | null =>
  r.stage === 'awarded' && r.tier ? rewardYuan(policy, r.tier, r.kind) : null;

export type Cell = string | number | null;
const kindByLabel: Record<string, 'organization' | 'individual'> = { 组织: 'organization', 个人: 'individual', organization: 'organization', individual: 'individual' };

export const bad = (zh: string, en: string): ParseCasesFileResult => ({ ok: false, errors: [{ path: '', message: { zh, en } }] });

/** Finds the columns by their Chinese header (the part before a space, as the CSV writes "编号 ID"). */
export function fromTable(table: Cell[][]): ParseCasesFileResult {
  if (table.length === 0) return bad('文件是空的：没有表头和案件行。', 'the file is empty: no header row and no cases.');
  const head = table[0]!.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim().split(/\s+/)[0] ?? '');
  const col = (zh: string) => head.indexOf(zh);
  const required = ['编号', '年度', '申报主体', '类型'];
  const absent = required.filter((h) => col(h) < 0);
  if (absent.length)
    return bad(`表头缺少这些列：${absent.join('、')}（第一行应是导出时的表头）。`, `the header row lacks the columns ${absent.join(', ')} (the first row must be the exported header).`);
  const get = (r: Cell[], zh: string): Cell => (col(zh) >= 0 ? (r[col(zh)] ?? null) : null);
  const text = (v: Cell) => (v === null ? '' : String(v).replace(new RegExp(`^['${WORD_JOINER}]`), '').trim());
  const cases = table.slice(1).map((r) => {
    const kindText = text(get(r, '类型'));
    const yearText = text(get(r, '年度'));
    return {
      header: {
        id: text(get(r, '编号')),
        year: /^\d+$/.test(yearText) ? Number(yearText) : yearText,
        kind: kindByLabel[kindText] ?? kindText,
        applicantName: text(get(r, '申报主体')),
        creditCode: text(get(r, '统一社会信用代码')) || null,
        recommender: text(get(r, '推荐单位')) || null,
      },
      events: [],
    };
  });
  const parsed = casesFileSchema.safeParse({ format: CASES_FILE_FORMAT, cases });
  if (parsed.success) return { ok: true, file: parsed.data };
  const colName: Record<string, string> = { id: '编号', year: '年度', kind: '类型', applicantName: '申报主体', creditCode: '统一社会信用代码', recommender: '推荐单位' };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 50).map((issue) => {
      const [, index, , field] = issue.path;
      const m = splitBilingualMessage(issue.message);
      if (typeof index !== 'number') return { path: formatCasesFileIssuePath(issue.path), message: m };
      const where = `第 ${index + 2} 行“${colName[String(field)] ?? String(field)}”列`;
      return { path: formatCasesFileIssuePath(issue.path), message: { zh: `${where}：${m.zh}`, en: `row ${index + 2}, column ${String(field)}: ${m.en}` } };
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

