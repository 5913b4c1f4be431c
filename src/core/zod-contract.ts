/**
 * The contract's promise with `zod/mini` schemas (contract.md: every function validates its input with zod and
 * throws a `ZodError` on malformed input). `zod/mini` throws core's `$ZodError`, which is not an instance of the
 * `ZodError` that callers import from 'zod'; these two helpers throw that one, with the same issues (issue 19).
 * Importing only `ZodRealError` from 'zod' costs about 1.6 KiB gz: the rest of full zod stays out of the bundle.
 */
import { ZodRealError } from 'zod';
import { z } from './zod-mini.ts';

type ParseParams = z.core.ParseContext<z.core.$ZodIssue>;

/** Parse; on refusal throw the classic `ZodError` (instanceof `ZodError` from 'zod') with zod's issues. */
export function parseOrThrow<T extends z.core.$ZodType>(schema: T, input: unknown, params?: ParseParams): z.core.output<T> {
  const r = z.safeParse(schema, input, params);
  if (r.success) return r.data;
  throw new ZodRealError(r.error.issues);
}

/** Give exported schemas a `.parse` that throws the classic `ZodError`, as the full-zod schemas did. */
export function throwZodErrorOnParse(...schemas: z.ZodMiniType[]): void {
  for (const schema of schemas) schema.parse = ((input: unknown, params?: ParseParams) => parseOrThrow(schema, input, params)) as typeof schema.parse;
}

/** The classic `ZodError` (instanceof `ZodError` from 'zod') for a refusal a function finds itself, with these issues. */
export function zodError(issues: z.core.$ZodIssue[]): Error {
  return new ZodRealError(issues);
}

/** Whether `error` is a zod error of either build (classic `ZodError` or `zod/mini`'s core `$ZodError`). */
export function isZodError(error: unknown): error is z.core.$ZodError {
  return error instanceof z.core.$ZodError;
}
