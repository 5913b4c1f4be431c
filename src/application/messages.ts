import type { z } from '../core/zod-mini.ts';
import type { Bilingual } from '../core/i18n.ts';
import { fieldLabel } from './labels.ts';

/** Minimal view of a zod 4 issue, raw (inside an error map) or finalized. */
interface IssueLike {
  code?: string;
  path?: PropertyKey[];
  expected?: unknown;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  values?: unknown;
  options?: unknown;
  keys?: unknown;
  params?: unknown;
  message?: string;
}

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否（true/false）', en: 'yes/no (true/false)' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** `['applicant', 'accidents', 0, 'date']` → `applicant.accidents[0].date`. */
export function formatPath(path: readonly PropertyKey[] | undefined): string {
  let out = '';
  for (const seg of path ?? []) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';
}

/** Splits the core's "中文 / English" messages (isoDateSchema) back into their halves. */
function splitMessage(message: string): Bilingual {
  const m = /^(.*?)\s?\/\s(?=[A-Za-z])(.*)$/s.exec(message);
  return m ? { zh: (m[1] ?? '').trim(), en: (m[2] ?? '').trim() } : { zh: message, en: message };
}

const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(' | ') : '');

/** What is wrong with the value, without the field name. */
export function describeProblem(issue: IssueLike): Bilingual {
  if (isBilingual(issue.params)) return { zh: issue.params.zh, en: issue.params.en };
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { zh: '必须填写', en: 'is required' };
      const t = TYPE_NAMES[String(issue.expected)] ?? { zh: String(issue.expected), en: String(issue.expected) };
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return { zh: `应为整数，不能是 ${issue.input}`, en: `must be a whole number, not ${issue.input}` };
      return { zh: `应为${t.zh}`, en: `must be ${t.en}` };
    }
    case 'too_small':
      if (issue.origin === 'number' && issue.minimum === 0)
        return { zh: '不能为负数', en: 'must not be negative' };
      if (issue.origin === 'number')
        return { zh: `不能小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
      return { zh: `长度至少为 ${String(issue.minimum)}`, en: `must have at least ${String(issue.minimum)} entries or characters` };
    case 'too_big':
      if (issue.origin === 'number')
        return { zh: `不能大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
      return { zh: `长度不能超过 ${String(issue.maximum)}`, en: `must have at most ${String(issue.maximum)} entries or characters` };
    case 'invalid_value':
      return { zh: `应为以下之一：${list(issue.values)}`, en: `must be one of ${list(issue.values)}` };
    case 'invalid_union':
      if (Array.isArray(issue.options))
        return { zh: `应为以下之一：${list(issue.options)}`, en: `must be one of ${list(issue.options)}` };
      return { zh: '格式不符合任何允许的形式', en: 'matches none of the allowed forms' };
    case 'unrecognized_keys':
      return { zh: `含有未知字段：${list(issue.keys)}`, en: `has unknown fields: ${list(issue.keys)}` };
    case 'invalid_format':
      // zod keeps a check's own message but not its params: our messages are "中文 / English".
      if (issue.message?.includes(' / ')) return splitMessage(issue.message);
      return { zh: '格式不正确', en: 'has the wrong format' };
    default:
      return splitMessage(issue.message ?? '无效 / invalid');
  }
}

/** The full message: field name first, then the problem (“统一社会信用代码：校验码不正确…”). */
export function describeIssue(issue: IssueLike): Bilingual {
  const path = formatPath(issue.path);
  const label = fieldLabel(path);
  const problem = describeProblem(issue);
  return { zh: `${label.zh}：${problem.zh}`, en: `${label.en}: ${problem.en}` };
}

/**
 * A zod error map producing "中文 / English" messages that name the field. Pass it as
 * `schema.parse(input, { error: applicationErrorMap })` so a thrown ZodError reads well too.
 */
export const applicationErrorMap = (issue: z.core.$ZodRawIssue): string => {
  const m = describeIssue(issue as IssueLike);
  return `${m.zh} / ${m.en}`;
};
