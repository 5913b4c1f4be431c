import { z } from './zod-mini.ts';
import type { Bilingual } from './i18n.ts';
import { issueIn } from './zod-issue-text.ts';

// zod's refusals in natural Chinese and English: the wording is in zod-issue-text.ts (no zod at run time).
export { issueIn };

export const zhIssue = (issue: z.core.$ZodRawIssue): string => issueIn('zh', issue);
export const enIssue = (issue: z.core.$ZodRawIssue): string => issueIn('en', issue);

/** Parse, and on refusal give every issue's message in Chinese and English (same order, same paths). */
export function safeParseBilingual<T extends z.core.$ZodType>(schema: T, input: unknown):
  | { success: true; data: z.core.output<T> }
  | { success: false; issues: Array<{ path: PropertyKey[]; message: Bilingual }> } {
  const en = z.safeParse(schema, input, { error: enIssue });
  if (en.success) return { success: true, data: en.data };
  const zh = z.safeParse(schema, input, { error: zhIssue });
  const zhIssues = zh.success ? [] : zh.error.issues;
  return {
    success: false,
    issues: en.error.issues.map((issue, i) => ({ path: issue.path, message: { zh: zhIssues[i]?.message ?? issue.message, en: issue.message } })),
  };
}
