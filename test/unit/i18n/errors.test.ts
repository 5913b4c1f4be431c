import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeParseBilingual } from '../../../src/core/zod-text.ts';
import { errorText } from '../../../src/i18n/error-text.ts';
import { z as mini } from '../../../src/core/zod-mini.ts';
import { zodError } from '../../../src/core/zod-contract.ts';

/** what a library or the browser says on its own: none of it may reach the screen (issue 13) */
const LIBRARY = /Too big|Too small|\bexpected\b|\breceived\b|Invalid input|Unexpected (end|token)|JSON input|QuotaExceeded|DOMException|undefined|Unrecognized key|Failed to fetch|SyntaxError/;
const CJK = /[\u3400-\u9fff]/;

const schema = z.strictObject({
  name: z.string().min(1).max(200),
  count: z.number().int().nonnegative(),
  kind: z.enum(['organization', 'individual']),
  list: z.array(z.string()).max(2),
  nested: z.strictObject({ date: z.iso.date() }),
});

const bad: unknown[] = [
  undefined,
  null,
  'text',
  {},
  { name: 'x'.repeat(201), count: -1, kind: 'company', list: ['a', 'b', 'c'], nested: { date: '2023-02-30x' } },
  { name: '', count: 1.5, kind: 'organization', list: [1], nested: undefined, extra: 1 },
  { name: 3, count: 'two', kind: null, list: 'no', nested: { date: 5 } },
];

describe('library errors are mapped to natural Chinese and English', () => {
  it('zod refusals: every issue of every bad input, in both languages, without library text', () => {
    let issues = 0;
    for (const input of bad) {
      const r = safeParseBilingual(schema, input);
      expect(r.success).toBe(false);
      if (r.success) continue;
      for (const i of r.issues) {
        issues++;
        expect(i.message.zh, JSON.stringify(input)).not.toMatch(LIBRARY);
        expect(i.message.en, JSON.stringify(input)).not.toMatch(LIBRARY);
        expect(i.message.zh).toMatch(CJK);
        expect(i.message.en).not.toMatch(CJK);
      }
    }
    expect(issues).toBeGreaterThan(15);
  });

  it('the messages the review found: too long, missing object, unknown key', () => {
    const long = safeParseBilingual(z.string().max(200), 'x'.repeat(201));
    expect(long.success || long.issues[0]!.message).toEqual({ zh: '太长：最多 200 个字', en: 'Too long: at most 200 characters' });
    const missing = safeParseBilingual(z.object({ a: z.object({}) }), {});
    expect(missing.success || missing.issues[0]!.message.zh).toBe('缺少必填项，应为一组内容');
  });

  it('thrown errors: JSON, quota, closed database, aborted, a lost chunk, anything else', () => {
    const thrown: unknown[] = [];
    for (const text of ['', '{"a":', '{a}', '[1,]']) {
      try { JSON.parse(text); } catch (e) { thrown.push(e); }
    }
    thrown.push(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    thrown.push(new DOMException('The database connection is closing.', 'InvalidStateError'));
    thrown.push(new DOMException('The operation was aborted.', 'AbortError'));
    thrown.push(new TypeError('Failed to fetch dynamically imported module: chrome-extension://x/chunk.js'));
    thrown.push(new TypeError("Cannot read properties of undefined (reading 'x')"));
    thrown.push('a bare string');
    thrown.push(undefined);
    try { z.object({ a: z.number() }).parse({ a: 'x' }); } catch (e) { thrown.push(e); }
    for (const e of thrown) {
      const t = errorText(e);
      expect(t.zh, String(e)).toMatch(CJK);
      expect(t.zh, String(e)).not.toMatch(LIBRARY);
      expect(t.en, String(e)).not.toMatch(LIBRARY);
      expect(t.en).not.toMatch(CJK);
    }
    expect(errorText(thrown[0]).zh).toContain('不是有效的 JSON');
    expect(errorText(thrown[4]).zh).toContain('存储空间已满');
  });

  it('zod errors of either build are worded by path and issue without loading zod (issue 19: the check matches instanceof $ZodError)', () => {
    const miniError = mini.safeParse(mini.object({ a: mini.number() }), { a: 'x' }).error!;
    const classic = (() => { try { z.object({ a: z.number() }).parse({ a: 'x' }); } catch (e) { return e; } })();
    const contract = zodError(miniError.issues);
    for (const e of [miniError, classic, contract]) {
      expect(e instanceof mini.core.$ZodError).toBe(true);
      const t = errorText(e);
      expect(t.zh).toMatch(/^a: /);
      expect(t.en).toMatch(/^a: /);
      expect(t.zh).toMatch(CJK);
      expect(t.en).not.toMatch(LIBRARY);
    }
    // look-alikes that are not zod errors are not worded as one
    for (const e of [new Error('x'), { _zod: {} }, { _zod: { traits: new Set(['$ZodType']) } }, null]) {
      expect(e instanceof mini.core.$ZodError).toBe(false);
      expect(errorText(e).zh).not.toMatch(/^a: /);
    }
  });
});
