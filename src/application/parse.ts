import type { Bilingual } from '../core/i18n.ts';
import { applicationSchema, type Application } from './schema.ts';
import { describeIssue, formatPath } from './messages.ts';

export interface ApplicationError {
  /** Flat field path, e.g. `applicant.creditCode` or `applicant.accidents[0].date`. */
  path: string;
  message: Bilingual;
}

export type ParseApplicationResult =
  | { ok: true; application: Application }
  | { ok: false; errors: ApplicationError[] };

/** Parses an application file; never throws. Every error names its field in Chinese and English. */
export function parseApplication(input: unknown): ParseApplicationResult {
  const result = applicationSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, application: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })),
  };
}
