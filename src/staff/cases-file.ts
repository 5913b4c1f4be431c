import { z } from '../core/zod-mini.ts';
import type { Bilingual } from '../core/i18n.ts';
import { caseEventSchema } from '../../machines/case.events.ts';
import { safeParseBilingual } from '../core/zod-text.ts';
import { isValidCreditCode } from '../application/credit-code.ts';
import { awardRefSchema, caseRecordSchema } from '../storage/records.ts';

/**
 * The staff page's case exchange file (`format: "lyg-award/cases@1"`): case headers plus their
 * append-only event logs. An import is all or nothing: one bad field refuses the whole file.
 */
export const CASES_FILE_FORMAT = 'lyg-award/cases@1';

const text = (zh: string, en: string, max = 200) =>
  z.string({ error: `${zh}必须是文本 / ${en} must be text` }).check(z.trim()).check(z.minLength(1, { error: `${zh}不能为空 / ${en} must not be empty` })).check(z.maxLength(max, { error: `${zh}不能超过 ${max} 个字符 / ${en} must be at most ${max} characters` }));

const optionalText = (zh: string, en: string) =>
  z.pipe(z.optional(z.nullable(z.string({ error: `${zh}必须是文本 / ${en} must be text` }).check(z.trim()).check(z.maxLength(200, { error: `${zh}不能超过 200 个字符 / ${en} must be at most 200 characters` })))), z.transform((v) => (v ? v : null)));

export const casesFileHeaderSchema = z.strictObject({
  id: text('案件编号', 'case id', 200),
  year: z.number({ error: '年度必须是数字 / year must be a number' }).check(z.int({ error: '年度必须是整数 / year must be a whole number' })).check(z.gte(2000, { error: '年度须在 2000–2100 之间 / year must be between 2000 and 2100' })).check(z.lte(2100, { error: '年度须在 2000–2100 之间 / year must be between 2000 and 2100' })),
  kind: z.enum(['organization', 'individual'], {
    error: '类型必须是 organization 或 individual / kind must be organization or individual',
  }),
  applicantName: text('申报主体名称', 'applicant name'),
  creditCode: z.pipe(optionalText('统一社会信用代码', 'credit code'), z.transform((v) => (v === null ? null : v.toUpperCase()))).check(z.refine((v) => v === null || isValidCreditCode(v), {
    error: '统一社会信用代码无效（GB 32100-2015 校验位不符）/ credit code is not valid (GB 32100-2015 check character)',
  })),
  recommender: optionalText('推荐单位', 'recommender'),
  createdAt: z.optional(z.iso.datetime({ offset: true, error: '创建时间必须是 ISO 时间戳 / createdAt must be an ISO timestamp' })),
  /** the award and measures version the case is judged by, and the case it was recommended from (issue 16) */
  award: z.optional(awardRefSchema),
  recommendedFrom: caseRecordSchema.shape.recommendedFrom,
});

export const casesFileEventSchema = z.strictObject({
  event: caseEventSchema,
  recordedAt: z.optional(z.iso.datetime({ offset: true, error: '记录时间必须是 ISO 时间戳 / recordedAt must be an ISO timestamp' })),
  recordedBy: text('记录人', 'recordedBy', 80),
});

export const casesFileSchema = z.strictObject({
    format: z.literal(CASES_FILE_FORMAT, {
      error: `文件格式必须是 ${CASES_FILE_FORMAT} / format must be ${CASES_FILE_FORMAT}`,
    }),
    exportedAt: z.optional(z.string()),
    cases: z.array(
      z.strictObject({ header: casesFileHeaderSchema, events: z.array(casesFileEventSchema, { error: '事件必须是数组 / events must be an array' }) }),
      { error: '案件列表必须是数组 / cases must be an array' },
    ),
  }).check(z.superRefine((file, ctx) => {
    for (const issue of duplicateIdIssues(file.cases)) ctx.addIssue({ code: 'custom', ...issue });
  }));

/** Duplicate case ids, found on raw data too, so a file with other errors still reports them. */
function duplicateIdIssues(cases: unknown): { path: (string | number)[]; message: string }[] {
  if (!Array.isArray(cases)) return [];
  const seen = new Map<string, number>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  cases.forEach((c: unknown, i) => {
    const id = (c as { header?: { id?: unknown } } | null)?.header?.id;
    if (typeof id !== 'string') return;
    const key = id.trim();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      issues.push({
        path: ['cases', i, 'header', 'id'],
        message: `案件编号重复：${key}（与第 ${first + 1} 个案件相同）/ duplicate case id: ${key} (same as case ${first + 1})`,
      });
  });
  return issues;
}

export type CasesFile = z.output<typeof casesFileSchema>;
export type CaseHeader = z.output<typeof casesFileHeaderSchema>;
export type StoredCaseEventRecord = z.output<typeof casesFileEventSchema>;

export interface CasesFileError {
  path: string;
  message: Bilingual;
}

export type ParseCasesFileResult = { ok: true; file: CasesFile } | { ok: false; errors: CasesFileError[] };

/** `cases[3].events[2].event.on` */
export function formatCasesFileIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/**
 * Messages in this codebase are "中文 / English" (sometimes "中文）/ English"); split them back into a
 * Bilingual at the first slash that has Chinese before it and English after it.
 */
export function splitBilingualMessage(message: string): Bilingual {
  const sep = /\s?\/\s(?=[A-Za-z"“'(])/g;
  for (let m = sep.exec(message); m; m = sep.exec(message)) {
    const zh = message.slice(0, m.index);
    if (/[\u4e00-\u9fff]/.test(zh)) return { zh: zh.trim(), en: message.slice(m.index + m[0].length).trim() };
  }
  return { zh: message, en: message };
}

/** Parses and validates an import; never throws. Errors name the field (path) in zh and en. */
export function parseCasesFile(input: string | unknown): ParseCasesFileResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, errors: [{ path: '', message: { zh: '不是有效的 JSON 文件（可能已损坏或不完整），未导入任何内容。', en: 'Not a valid JSON file (it may be damaged or incomplete); nothing was imported.' } }] };
    }
  }
  const parsed = safeParseBilingual(casesFileSchema, data);
  if (parsed.success) {
    // One policy with the backup (issue 15): an event field the lifecycle does not define is refused, not dropped.
    const extra = undefinedEventFields(data, parsed.data);
    return extra.length ? { ok: false, errors: extra.slice(0, 50) } : { ok: true, file: parsed.data };
  }
  // a schema's own "中文 / English" message comes back the same from both parses: split it; zod's own are already bilingual
  const issues = parsed.issues.map((issue) => ({
    path: formatCasesFileIssuePath(issue.path),
    message: issue.message.zh === issue.message.en ? splitBilingualMessage(issue.message.en) : issue.message,
  }));
  for (const dup of duplicateIdIssues((data as { cases?: unknown } | null)?.cases)) {
    const path = formatCasesFileIssuePath(dup.path);
    const message = splitBilingualMessage(dup.message);
    if (!issues.some((i) => i.path === path && i.message.zh === message.zh)) issues.push({ path, message });
  }
  return { ok: false, errors: issues.slice(0, 50) };
}

function undefinedEventFields(raw: unknown, file: CasesFile): Array<{ path: string; message: Bilingual }> {
  const out: Array<{ path: string; message: Bilingual }> = [];
  const rawCases = (raw as { cases: Array<{ events: Array<{ event: Record<string, unknown> }> }> }).cases;
  file.cases.forEach((c, i) => c.events.forEach((e, j) => {
    const given = rawCases[i]?.events[j]?.event ?? {};
    const kept = new Set(Object.keys(e.event as object));
    const unknown = Object.keys(given).filter((k) => !kept.has(k));
    if (unknown.length === 0) return;
    const path = formatCasesFileIssuePath(['cases', i, 'events', j, 'event']);
    out.push({ path, message: { zh: `含有案件流程没有定义的字段：${unknown.map((k) => `“${k}”`).join('、')}（为安全起见不导入未知内容）`, en: `has fields the case lifecycle does not define: ${unknown.join(', ')}` } });
  }));
  return out;
}

export interface ExportableCase {
  header: {
    id: string;
    year: number;
    kind: 'organization' | 'individual';
    applicantName: string;
    creditCode?: string | null;
    recommender?: string | null;
    createdAt?: string;
    award?: { awardId: string; versionId: string } | undefined;
    recommendedFrom?: { caseId: string; article: string } | undefined;
  };
  events: readonly { event: unknown; recordedAt?: string; recordedBy: string }[];
}

/** The export: headers and event logs, in the order given (events in append order). */
export function buildCasesFile(cases: readonly ExportableCase[], exportedAt: string): string {
  const file = {
    format: CASES_FILE_FORMAT,
    exportedAt,
    cases: cases.map((c) => ({
      header: {
        id: c.header.id,
        year: c.header.year,
        kind: c.header.kind,
        applicantName: c.header.applicantName,
        creditCode: c.header.creditCode ?? null,
        recommender: c.header.recommender ?? null,
        ...(c.header.createdAt ? { createdAt: c.header.createdAt } : {}),
        ...(c.header.award ? { award: { awardId: c.header.award.awardId, versionId: c.header.award.versionId } } : {}),
        ...(c.header.recommendedFrom ? { recommendedFrom: { caseId: c.header.recommendedFrom.caseId, article: c.header.recommendedFrom.article } } : {}),
      },
      events: c.events.map((e) => ({ event: e.event, ...(e.recordedAt ? { recordedAt: e.recordedAt } : {}), recordedBy: e.recordedBy })),
    })),
  };
  return JSON.stringify(file, null, 2);
}
