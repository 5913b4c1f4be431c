import type { z } from './zod-mini.ts';
import { errors } from '../i18n/messages/errors.ts';
import { fill } from '../i18n/language.ts';

/**
 * zod's refusals in natural Chinese and English (issues 13 and 15: the UI showed library English such as
 * "Too big: expected string to have <=200 characters"). A message a schema sets itself is kept as
 * written; zod's own ones are worded from the message catalogue (src/i18n/messages/errors.ts).
 * Pass as the per-parse error map: `schema.safeParse(x, { error: zhIssue })` (zod-text.ts).
 * No zod at run time here (types only), so a page can word an error before zod has loaded (issue 19).
 */
type L = 'zh' | 'en';
const say = (lang: L, key: keyof typeof errors.zh, vars?: Record<string, string | number>) => fill(errors[lang][key], vars);
const TYPES = ['string', 'number', 'int', 'boolean', 'object', 'array', 'date', 'null'] as const;
function typeName(lang: L, t: unknown): string {
  const k = String(t) === 'bigint' ? 'int' : String(t);
  return (TYPES as readonly string[]).includes(k) ? say(lang, `type.${k}` as keyof typeof errors.zh) : say(lang, 'type.other');
}
const received = (lang: L, input: unknown) =>
  input === undefined ? say(lang, 'type.missing') : input === null ? say(lang, 'type.null') : Array.isArray(input) ? say(lang, 'type.array') : typeName(lang, typeof input);
const list = (lang: L, items: unknown[]) => items.map((v) => say(lang, 'quote', { v: String(v) })).join(say(lang, 'list.sep'));

export function issueIn(lang: L, issue: z.core.$ZodRawIssue): string {
  const i = issue as z.core.$ZodRawIssue & Record<string, unknown>;
  const n = String(i.maximum ?? i.minimum ?? '');
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? say(lang, 'zod.missing', { type: typeName(lang, i.expected) }) : say(lang, 'zod.type', { type: typeName(lang, i.expected), got: received(lang, i.input) });
    case 'unrecognized_keys':
      return say(lang, 'zod.keys', { keys: list(lang, i.keys as string[]) });
    case 'too_big':
      return say(lang, i.origin === 'string' ? 'zod.tooLong' : i.origin === 'array' ? 'zod.tooMany' : 'zod.tooBig', { n });
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? say(lang, 'zod.empty') : say(lang, 'zod.tooShort', { n });
      return say(lang, i.origin === 'array' ? 'zod.tooFew' : 'zod.tooSmall', { n });
    case 'invalid_value':
      return say(lang, 'zod.value', { values: list(lang, i.values as unknown[]) });
    case 'invalid_format':
      return say(lang, i.format === 'datetime' || i.format === 'date' ? 'zod.date' : 'zod.format');
    case 'invalid_union':
      return say(lang, 'zod.union');
    default:
      return say(lang, 'zod.other');
  }
}
