import { z } from 'zod';
import type { Bilingual } from './i18n.ts';

/**
 * zod's refusals in natural Chinese (issue 15: imports showed library English). A message a schema
 * sets itself is kept as written; zod's own ones are worded here, falling back to zod's zh-CN locale.
 * Pass as the per-parse error map: `schema.safeParse(x, { error: zhIssue })`.
 */
const TYPE_ZH: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是/否', object: '对象', array: '列表', date: '日期', null: '空值',
  undefined: '（缺少）', bigint: '整数', symbol: '符号',
};
const typeZh = (t: unknown) => TYPE_ZH[String(t)] ?? String(t);
const received = (input: unknown) => (input === undefined ? '缺少此项' : input === null ? '空值' : Array.isArray(input) ? '列表' : typeZh(typeof input));
const zhFallback = z.locales.zhCN().localeError;

export function zhIssue(issue: z.core.$ZodRawIssue): string {
  const i = issue as z.core.$ZodRawIssue & Record<string, unknown>;
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? `缺少必填项，应为${typeZh(i.expected)}` : `应为${typeZh(i.expected)}，实际是${received(i.input)}`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${(i.keys as string[]).map((k) => `“${k}”`).join('、')}（为安全起见不导入未知内容）`;
    case 'too_big':
      return i.origin === 'string' ? `太长：最多 ${String(i.maximum)} 个字` : i.origin === 'array' ? `太多：最多 ${String(i.maximum)} 项` : `太大：不能超过 ${String(i.maximum)}`;
    case 'too_small':
      return i.origin === 'string' ? (Number(i.minimum) <= 1 ? '不能为空' : `太短：至少 ${String(i.minimum)} 个字`) : i.origin === 'array' ? `太少：至少 ${String(i.minimum)} 项` : `太小：不能小于 ${String(i.minimum)}`;
    case 'invalid_value':
      return `取值无效，只能是：${(i.values as unknown[]).map((v) => `“${String(v)}”`).join('、')}`;
    case 'invalid_format':
      return i.format === 'regex' ? '格式不正确' : i.format === 'datetime' || i.format === 'date' ? '日期时间格式不正确' : '格式不正确';
    case 'invalid_union':
      return '内容不符合任何一种允许的格式';
    default: {
      const text = zhFallback(issue);
      return typeof text === 'string' ? text : (text?.message ?? '内容无效');
    }
  }
}

/** Parse, and on refusal give every issue's message in Chinese and English (same order, same paths). */
export function safeParseBilingual<T extends z.ZodType>(schema: T, input: unknown):
  | { success: true; data: z.output<T> }
  | { success: false; issues: Array<{ path: PropertyKey[]; message: Bilingual }> } {
  const en = schema.safeParse(input);
  if (en.success) return { success: true, data: en.data };
  const zh = schema.safeParse(input, { error: zhIssue });
  const zhIssues = zh.success ? [] : zh.error.issues;
  return {
    success: false,
    issues: en.error.issues.map((issue, i) => ({ path: issue.path, message: { zh: zhIssues[i]?.message ?? issue.message, en: issue.message } })),
  };
}
