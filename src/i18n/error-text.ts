/**
 * Any thrown thing → a message a person can act on, in both languages (issue 13). Library and browser
 * texts ("Unexpected end of JSON input", "Invalid input: expected object…", QuotaExceededError) never
 * reach the screen; test/unit/i18n/errors.test.ts fails if one does.
 */
import type { z } from '../core/zod-mini.ts';
import type { Bilingual } from '../core/i18n.ts';
import { issueIn } from '../core/zod-issue-text.ts';
import { entry } from './define.ts';
import { errors } from './messages/errors.ts';

/** an error whose message is already ours, in both languages (thrown by our own code) */
export class UserFacingError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.zh);
  }
}

export function errorText(err: unknown): Bilingual {
  if (err instanceof UserFacingError) return err.text;
  if (isBilingual(err)) return err;
  if (isZodError(err)) {
    const first = err.issues[0];
    if (!first) return entry(errors, 'zod.other');
    const at = first.path.length ? `${first.path.join('.')}: ` : '';
    return { zh: at + issueIn('zh', first as z.core.$ZodRawIssue), en: at + issueIn('en', first as z.core.$ZodRawIssue) };
  }
  const name = err instanceof Error || (typeof DOMException !== 'undefined' && err instanceof DOMException) ? (err as Error).name : '';
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (err instanceof SyntaxError && /JSON|Unexpected (end|token)|position/i.test(message)) {
    const pos = /position (\d+)/.exec(message)?.[1];
    const where = pos ? entry(errors, 'json.at', { pos: Number(pos) + 1 }) : entry(errors, 'json.where');
    return { zh: entry(errors, 'json', { where: where.zh }).zh, en: entry(errors, 'json', { where: where.en }).en };
  }
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return entry(errors, 'quota');
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError' || /database connection is closing|connection.*closed/i.test(message)) return entry(errors, 'closed');
  if (name === 'AbortError') return entry(errors, 'aborted');
  if (name === 'NotAllowedError' || /permission/i.test(message)) return entry(errors, 'permission');
  // a chunk that failed to load says "Failed to fetch dynamically imported module": a page part, not the network
  if (/dynamically imported module|Loading chunk|Importing a module script failed/i.test(message)) return entry(errors, 'load');
  if (name === 'NetworkError' || /Failed to fetch|NetworkError/i.test(message)) return entry(errors, 'network');
  return entry(errors, 'unknown');
}

function isBilingual(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && typeof (x as Bilingual).zh === 'string' && typeof (x as Bilingual).en === 'string' && !(x instanceof Error);
}

/**
 * `err instanceof z.core.$ZodError`, as zod itself decides it (its constructors' `Symbol.hasInstance` asks for the
 * `$ZodError` trait), without loading zod: a page can word an error before zod has loaded (issue 19).
 */
function isZodError(err: unknown): err is z.core.$ZodError {
  return (err as { _zod?: { traits?: Set<string> } } | null | undefined)?._zod?.traits?.has('$ZodError') === true;
}
