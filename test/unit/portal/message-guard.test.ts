// The content script's zod-free guard must accept exactly what the protocol's zod schema accepts:
// never more (a forged shape would reach the assistant), never less (a real hint would be dropped).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMessageForContent } from '../../../src/portal/dom/message-guard.ts';
import { backgroundToContentSchema, isBackgroundToContent } from '../../../src/messaging/protocol.ts';

const zodAccepts = (m: unknown) => backgroundToContentSchema.safeParse(m).success;

// Valid messages up to and at every length limit of protocol.ts.
const key = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme-ascii' });
const text = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.constant('字'.repeat(max)), fc.constant(''));
const hint = fc.record({
  field: fc.oneof(key, fc.constant('k'.repeat(120))),
  status: fc.constantFrom('fail' as const, 'needs-evidence' as const, 'pass' as const),
  rule: text(20),
  text: fc.record({ zh: text(2000), en: text(2000) }),
});
const valid = fc.oneof(
  fc.record({ type: fc.constant('hints/update' as const), hints: fc.oneof(fc.array(hint, { maxLength: 8 }), fc.array(hint, { minLength: 200, maxLength: 200 })) }),
  fc.record({ type: fc.constant('picker/start' as const), field: key }),
  fc.record({ type: fc.constantFrom('picker/cancel' as const, 'snapshot/request' as const) }),
  fc.record({
    type: fc.constant('prefill/apply' as const),
    values: fc.dictionary(key, fc.oneof(text(20_000), fc.boolean())),
    overwrite: fc.array(key, { maxLength: 8 }),
    expect: fc.dictionary(key, text(20_000), { maxKeys: 4 }),
  }, { requiredKeys: ['type', 'values', 'overwrite'] }),
);

// Near misses: one step past a limit, a wrong type, or a key too many.
const nearHint = fc.record({
  field: fc.oneof(key, fc.constant(''), fc.constant('k'.repeat(121)), fc.integer()),
  status: fc.constantFrom('fail', 'needs-evidence', 'pass', 'bad'),
  rule: fc.oneof(text(20), fc.constant('r'.repeat(21)), fc.integer()),
  text: fc.oneof(fc.record({ zh: text(2000), en: text(2000) }), fc.constant({ zh: 'z'.repeat(2001), en: '' }), fc.constant({ zh: '', en: '', x: 1 }), fc.constant({ zh: '' }), fc.constant(null)),
}, { requiredKeys: ['field', 'status', 'rule'] });
const withExtra = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.string({ minLength: 1, maxLength: 6 }), fc.anything()).map(([m, k, v]) => ({ ...m, [k]: v }));
const near = fc.oneof(
  valid,
  withExtra(valid),
  fc.record({ type: fc.constant('hints/update'), hints: fc.oneof(fc.array(nearHint, { maxLength: 3 }), fc.constant(Array(201).fill({ field: 'a', status: 'pass', rule: '', text: { zh: '', en: '' } }))) }),
  fc.record({ type: fc.constant('picker/start'), field: fc.oneof(key, fc.constant(''), fc.constant('k'.repeat(121)), fc.integer(), fc.constant(null)) }, { requiredKeys: ['type'] }),
  fc.record({
    type: fc.constant('prefill/apply'),
    values: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null))),
      fc.constant({ k: 'v'.repeat(20_001) }),
      fc.constant({ ['k'.repeat(121)]: 'v' }),
      fc.constant([]),
      fc.constant(new Map()),
      fc.constant(Object.create(null)),
      fc.anything(),
    ),
    overwrite: fc.oneof(fc.array(fc.oneof(key, fc.constant(''), fc.integer()), { maxLength: 3 }), fc.constant(Array(501).fill('a')), fc.anything()),
    // expect: strings only (a boolean, an over-long text or a bad key is refused), or absent, or undefined
    expect: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.boolean(), fc.constant('v'.repeat(20_001)))),
      fc.constant(undefined),
      fc.constant(null),
      fc.anything(),
    ),
  }, { requiredKeys: ['type'] }),
  fc.anything({ withNullPrototype: true, withObjectString: true }),
);

describe('isMessageForContent accepts exactly what backgroundToContentSchema accepts', () => {
  it('accepts every valid message, up to each length limit', () => {
    fc.assert(fc.property(valid, (m) => {
      expect(zodAccepts(m)).toBe(true);
      expect(isMessageForContent(m)).toBe(true);
    }), { numRuns: 500 });
  });

  it('agrees with zod (and with protocol.ts’s own guard) on near misses and random values', () => {
    fc.assert(fc.property(near, (m) => {
      const z = zodAccepts(m);
      expect(isMessageForContent(m)).toBe(z);
      expect(isMessageForContent(m)).toBe(isBackgroundToContent(m));
    }), { numRuns: 5000 });
  });

  it('refuses a key the schema does not declare, on the message, a hint or its text', () => {
    const hintOk = { field: 'applicant.name', status: 'fail', rule: '8.1', text: { zh: '中', en: 'en' } };
    const cases: unknown[] = [
      { type: 'snapshot/request', extra: 1 },
      { type: 'picker/cancel', x: undefined },
      { type: 'picker/start', field: 'applicant.name', selector: '#x' },
      { type: 'hints/update', hints: [], more: [] },
      { type: 'hints/update', hints: [{ ...hintOk, html: '<b>' }] },
      { type: 'hints/update', hints: [{ ...hintOk, text: { ...hintOk.text, fr: 'x' } }] },
      { type: 'prefill/apply', values: {}, overwrite: [], force: true },
      Object.assign(Object.create({ inherited: 1 }), { type: 'snapshot/request' }),
    ];
    for (const m of cases) {
      expect(zodAccepts(m), JSON.stringify(m)).toBe(false);
      expect(isMessageForContent(m), JSON.stringify(m)).toBe(false);
    }
    // …and the same shapes without the extra key pass.
    expect(isMessageForContent({ type: 'snapshot/request' })).toBe(true);
    expect(isMessageForContent({ type: 'hints/update', hints: [hintOk] })).toBe(true);
    expect(isMessageForContent({ type: 'prefill/apply', values: { 'applicant.name': 'x', 'x.y': true }, overwrite: ['applicant.name'] })).toBe(true);
  });
});
