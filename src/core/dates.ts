import { z } from './zod-mini.ts';
import { throwZodErrorOnParse } from './zod-contract.ts';
import { isIsoDate } from './calendar.ts';

// The date arithmetic lives in calendar.ts (no zod), so a page that only compares dates does not load zod
// before its first paint (issue 19); this module adds the date schema and keeps every name it had.
export * from './calendar.ts';

/** zod schema of a real calendar date, with a bilingual message naming what is wrong. */
export const isoDateSchema = z.string({ error: '日期应按“年-月-日”填写，例如 2021-04-26 / a date must be written year-month-day, e.g. 2021-04-26' }).check(z.refine(isIsoDate, {
    error: (issue) =>
      `不是有效的日期：${String(issue.input)}（应按“年-月-日”填写，例如 2021-04-26）/ not a valid date: ${String(issue.input)} (write year-month-day, e.g. 2021-04-26)`,
  }));

// Part of the contract (src/index.ts): `.parse` throws the classic ZodError, as with full zod (issue 19).
throwZodErrorOnParse(isoDateSchema);
