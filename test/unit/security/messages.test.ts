import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { backgroundToContentSchema, contentToBackgroundSchema, isBackgroundToContent } from '../../../src/messaging/protocol.ts';
import { backgroundToPanelSchema, panelToBackgroundSchema } from '../../../src/messaging/panel-protocol.ts';
import { createRouter, type BackgroundServices } from '../../../src/messaging/router.ts';
import { TabStateStore } from '../../../src/messaging/tab-state-store.ts';
import type { SenderLike } from '../../../src/messaging/senders.ts';

/**
 * The message surface, attacked from outside (Chromium's compromised-renderer guidance): a portal
 * page or a compromised content script may send anything. Every message is sender-checked first,
 * then parsed by its channel's schema; anything else is refused and changes nothing.
 */
const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const PORTAL = 'http://127.0.0.1:4173/apply.html';

const contentSender: SenderLike = { id: RUNTIME_ID, url: PORTAL, tab: { id: 7, url: PORTAL }, frameId: 0 };
const panelSender: SenderLike = { id: RUNTIME_ID, url: `${EXT_ORIGIN}sidepanel.html` };

function harness() {
  const calls: string[] = [];
  const spy = <T>(name: string, value: T) =>
    vi.fn(async (..._args: unknown[]) => {
      calls.push(name);
      return value;
    });
  const services: BackgroundServices = {
    runtimeId: RUNTIME_ID,
    extensionOrigin: EXT_ORIGIN,
    portalPatterns: () => ['http://127.0.0.1/*', 'http://localhost/*'],
    core: {
      toApplication: () => ({}),
      parseApplication: () => ({ ok: false, errors: [] }),
      evaluateEligibility: () => ({ verdict: 'incomplete', findings: [] }),
      fieldsForRule: {},
      cite: (rule) => ({ zh: rule, en: rule }),
      fieldLabel: (path) => ({ zh: path, en: path }),
    },
    store: new TabStateStore(undefined),
    sendToTab: spy('sendToTab', undefined),
    broadcast: spy('broadcast', undefined),
    activeTabId: spy('activeTabId', 7),
    saveDraft: spy('saveDraft', undefined),
    recordStatusRows: spy('recordStatusRows', ['case-1']),
    recordAnchorMiss: spy('recordAnchorMiss', undefined),
    profileValues: spy('profileValues', { 'applicant.name': '甲公司' }),
    applyPicked: spy('applyPicked', undefined),
  };
  return { router: createRouter(services), services, calls };
}

const snapshot = (extra: Record<string, unknown> = {}) => ({
  type: 'portal/snapshot',
  page: 'application-form',
  adapterId: 'demo',
  url: PORTAL,
  fields: [{ key: 'applicant.name', found: true, value: '甲公司' }],
  attachments: [],
  takenAt: 1_780_000_000_000,
  ...extra,
});

const validContent = [
  snapshot(),
  { type: 'portal/status-rows', adapterId: 'demo', url: PORTAL, rows: [{ applicationNo: 'A1', applicantName: '甲公司', statusText: '已受理', date: '2026-05-01' }] },
  { type: 'portal/anchor-miss', adapterId: 'demo', url: PORTAL, field: 'applicant.name', tried: ['label:单位名称'] },
];

async function expectRefusedWithoutEffect(message: unknown, sender: SenderLike) {
  const { router, calls, services } = harness();
  const reply = await router.handle(message, sender);
  expect(reply.ok).toBe(false);
  expect(!reply.ok && reply.error.zh.length > 0 && reply.error.en.length > 0).toBe(true);
  expect(calls).toEqual([]);
  expect(await services.store.latest()).toBeNull();
}

describe('schemas refuse malformed and oversized input', () => {
  it('every content → background message type accepts its valid form (control)', () => {
    for (const m of validContent) expect(contentToBackgroundSchema.safeParse(m).success, m.type).toBe(true);
  });

  const malformed: [string, unknown][] = [
    ['not an object', 'portal/snapshot'],
    ['null', null],
    ['array', [snapshot()]],
    ['unknown type', { type: 'case/delete', caseId: 'c1' }],
    ['privileged panel type on the content channel', { type: 'panel/prefill', tabId: 7 }],
    ['wrong field type', snapshot({ takenAt: '2026-05-01' })],
    ['NaN', snapshot({ takenAt: Number.NaN })],
    ['missing field', { type: 'portal/anchor-miss', adapterId: 'demo', url: PORTAL }],
    ['oversized value', snapshot({ fields: [{ key: 'applicant.name', found: true, value: 'x'.repeat(20_001) }] })],
    ['too many fields', snapshot({ fields: Array.from({ length: 501 }, (_, i) => ({ key: `f${i}`, found: false, value: null })) })],
    ['oversized url', snapshot({ url: `${PORTAL}?${'a'.repeat(2001)}` })],
    ['empty field key', { type: 'portal/anchor-miss', adapterId: 'demo', url: PORTAL, field: '', tried: [] }],
    ['too many status rows', { type: 'portal/status-rows', adapterId: 'demo', url: PORTAL, rows: Array.from({ length: 501 }, () => ({ applicationNo: null, applicantName: 'x', statusText: 'y', date: null })) }],
    ['unknown page kind', snapshot({ page: 'admin-console' })],
  ];
  it.each(malformed)('content channel refuses: %s', (_name, message) => {
    expect(contentToBackgroundSchema.safeParse(message).success).toBe(false);
  });

  it('extra keys are refused, not dropped, on every channel and at every depth (strict objects)', () => {
    const extra: [string, unknown, { safeParse(m: unknown): { success: boolean } }][] = [
      ['snapshot: top-level key', snapshot({ caseId: 'c1' }), contentToBackgroundSchema],
      ['snapshot: own __proto__ key', JSON.parse(JSON.stringify(snapshot()).replace('{', '{"__proto__":{"admin":true},')), contentToBackgroundSchema],
      ['snapshot: field reading', snapshot({ fields: [{ key: 'a', found: true, value: 'x', html: '<img onerror=alert(1)>' }] }), contentToBackgroundSchema],
      ['snapshot: attachment', snapshot({ attachments: [{ key: 'a', present: false, fileNames: [], path: 'C:/' }] }), contentToBackgroundSchema],
      ['status rows: row', { ...validContent[1], rows: [{ applicationNo: null, applicantName: 'x', statusText: 'y', date: null, stage: 'awarded' }] }, contentToBackgroundSchema],
      ['anchor miss', { ...validContent[2], severity: 9 }, contentToBackgroundSchema],
      ['picked: locator', { type: 'portal/picked', field: 'a', locators: [{ kind: 'label', value: 'x', css: 'body' }], label: null }, contentToBackgroundSchema],
      ['hints/update: hint', { type: 'hints/update', hints: [{ field: 'a', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' }, html: '<b>' }] }, backgroundToContentSchema],
      ['hints/update: bilingual text', { type: 'hints/update', hints: [{ field: 'a', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a', fr: 'b' } }] }, backgroundToContentSchema],
      ['picker/start', { type: 'picker/start', field: 'a', adapterId: 'x' }, backgroundToContentSchema],
      ['prefill/apply', { type: 'prefill/apply', values: {}, overwrite: [], force: true }, backgroundToContentSchema],
      ['panel/prefill', { type: 'panel/prefill', tabId: 7, force: true }, panelToBackgroundSchema],
      ['panel/get-tab-state', { type: 'panel/get-tab-state', all: true }, panelToBackgroundSchema],
      ['tab-state/changed', { type: 'tab-state/changed', tabId: 1, state: null, extra: 1 }, backgroundToPanelSchema],
    ];
    for (const [name, message, schema] of extra) expect(schema.safeParse(message).success, name).toBe(false);
  });

  it('the router refuses a message with an extra key and changes nothing (content and panel channel)', async () => {
    await expectRefusedWithoutEffect(snapshot({ caseId: 'c1' }), contentSender);
    await expectRefusedWithoutEffect(snapshot({ fields: [{ key: 'applicant.name', found: true, value: '甲公司', html: '<img>' }] }), contentSender);
    await expectRefusedWithoutEffect({ ...validContent[1], admin: true }, contentSender);
    await expectRefusedWithoutEffect({ type: 'panel/prefill', tabId: 7, force: true }, panelSender);
    await expectRefusedWithoutEffect({ type: 'panel/start-picker', tabId: 7, field: 'applicant.name', tab: 9 }, panelSender);
    // control: the same messages without the extra key are handled
    const { router } = harness();
    expect((await router.handle(snapshot(), contentSender)).ok).toBe(true);
  });

  it('panel channel refuses malformed, negative or oversized tab ids and unknown actions', () => {
    for (const m of [
      { type: 'panel/prefill', tabId: -1 },
      { type: 'panel/prefill', tabId: 1.5 },
      { type: 'panel/prefill', tabId: '7' },
      { type: 'panel/start-picker', tabId: 7, field: 'x'.repeat(121) },
      { type: 'panel/delete-everything' },
      snapshot(),
    ]) {
      expect(panelToBackgroundSchema.safeParse(m).success, JSON.stringify(m).slice(0, 60)).toBe(false);
    }
  });

  it('background → content and background → panel schemas bound their payloads', () => {
    const hint = { field: 'applicant.name', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' } };
    expect(backgroundToContentSchema.safeParse({ type: 'hints/update', hints: Array.from({ length: 201 }, () => hint) }).success).toBe(false);
    expect(backgroundToContentSchema.safeParse({ type: 'hints/update', hints: [{ ...hint, text: { zh: 'x'.repeat(2001), en: '' } }] }).success).toBe(false);
    expect(backgroundToPanelSchema.safeParse({ type: 'tab-state/changed', tabId: -3, state: null }).success).toBe(false);
  });

  it('the content script’s zod-free guard accepts exactly what the schema accepts (fast-check, valid and mutated messages)', () => {
    let accepted = 0;
    let refusedCount = 0;
    fc.assert(
      fc.property(nearMessage, (m) => {
        const schemaSays = backgroundToContentSchema.safeParse(m).success;
        expect(isBackgroundToContent(m)).toBe(schemaSays);
        if (schemaSays) accepted++;
        else refusedCount++;
      }),
      { numRuns: 6000 },
    );
    // both sides of the boundary were really explored
    expect(accepted).toBeGreaterThan(600);
    expect(refusedCount).toBeGreaterThan(600);
  });

  it.each<[string, unknown]>([
    ['prefill/apply with an empty overwrite key', { type: 'prefill/apply', values: {}, overwrite: [''] }],
    ['prefill/apply with a 200-character overwrite key', { type: 'prefill/apply', values: {}, overwrite: ['k'.repeat(200)] }],
    ['prefill/apply with 501 overwrite entries', { type: 'prefill/apply', values: {}, overwrite: Array.from({ length: 501 }, () => 'applicant.name') }],
    ['prefill/apply with an empty value key', { type: 'prefill/apply', values: { '': 'x' }, overwrite: [] }],
    ['prefill/apply with a 121-character value key', { type: 'prefill/apply', values: { ['k'.repeat(121)]: 'x' }, overwrite: [] }],
    ['prefill/apply with a value that is not a plain object', { type: 'prefill/apply', values: new Date(0), overwrite: [] }],
    ['prefill/apply with a symbol value key', { type: 'prefill/apply', values: { [Symbol('x')]: 'x' }, overwrite: [] }],
    ['a hint with an empty field', { type: 'hints/update', hints: [{ field: '', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' } }] }],
    ['a hint with 3,000-character text', { type: 'hints/update', hints: [{ field: 'a', status: 'fail', rule: '8.1', text: { zh: 'x'.repeat(3000), en: 'a' } }] }],
    ['a hint with a 21-character rule', { type: 'hints/update', hints: [{ field: 'a', status: 'fail', rule: 'r'.repeat(21), text: { zh: '甲', en: 'a' } }] }],
    ['a hint with an extra key', { type: 'hints/update', hints: [{ field: 'a', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' }, html: '<b>' }] }],
    ['a hint list with a hole', { type: 'hints/update', hints: [, { field: 'a', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' } }] }], // eslint-disable-line no-sparse-arrays
    ['picker/start with an extra key', { type: 'picker/start', field: 'a', css: 'body' }],
    ['picker/cancel with an inherited extra key', Object.assign(Object.create({ inherited: 1 }), { type: 'picker/cancel' })],
  ])('the guard refuses, like the schema: %s', (_name, m) => {
    expect(backgroundToContentSchema.safeParse(m).success).toBe(false);
    expect(isBackgroundToContent(m)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['prefill/apply at its bounds', { type: 'prefill/apply', values: { ['k'.repeat(120)]: 'x'.repeat(20_000), b: true }, overwrite: Array.from({ length: 500 }, () => 'k'.repeat(120)) }],
    ['prefill/apply with a null-prototype values record', { type: 'prefill/apply', values: Object.assign(Object.create(null), { a: 'x' }), overwrite: [] }],
    ['hints/update with 200 hints at their bounds', { type: 'hints/update', hints: Array.from({ length: 200 }, () => ({ field: 'k'.repeat(120), status: 'needs-evidence', rule: 'r'.repeat(20), text: { zh: 'x'.repeat(2000), en: '' } })) }],
    ['picker/start', { type: 'picker/start', field: 'applicant.name' }],
    ['snapshot/request', { type: 'snapshot/request' }],
  ])('the guard accepts, like the schema: %s', (_name, m) => {
    expect(backgroundToContentSchema.safeParse(m).success).toBe(true);
    expect(isBackgroundToContent(m)).toBe(true);
  });
});

/** Background → content messages near the schema's boundary: valid ones, and ones with one part mutated. */
const anyValue = fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withDate: true, withTypedArray: true });
const sometimes = <T>(valid: fc.Arbitrary<T>, ...invalid: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<unknown> }, ...invalid.map((arbitrary) => ({ weight: 1, arbitrary })));
const keyString = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('k'.repeat(120), 'applicant.name'));
const badKeyString = fc.constantFrom('', 'k'.repeat(121), 'k'.repeat(200));
const fieldKey = sometimes(keyString, badKeyString, anyValue);
const text = (max: number) => sometimes(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('x'.repeat(max))), fc.constant('x'.repeat(max + 1)), anyValue);
/** an object that, now and then, misses one of its keys, carries an extra (possibly own `__proto__`) key, or is not a plain object */
function objectOf(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(shape);
  const full = fc.record(shape);
  const missing = fc.tuple(full, fc.constantFrom(...keys)).map(([o, k]) => {
    const copy: Record<string, unknown> = { ...o };
    delete copy[k];
    return copy;
  });
  const extra = fc.tuple(full, fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString')), anyValue).map(([o, k, v]) => {
    const copy: Record<string, unknown> = { ...o };
    Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
    return copy;
  });
  const inherited = full.map((o) => Object.assign(Object.create({ inheritedExtra: true }), o));
  const nullProto = full.map((o) => Object.assign(Object.create(null), o));
  return sometimes(full, missing, extra, inherited, nullProto, anyValue);
}
function arrayOf(item: fc.Arbitrary<unknown>, max: number, filler: unknown): fc.Arbitrary<unknown> {
  return sometimes(
    fc.array(item, { maxLength: 4 }),
    fc.constantFrom(max, max + 1).map((n) => Array.from({ length: n }, () => filler)),
    fc.array(item, { minLength: 1, maxLength: 3 }).map((a) => { const s = [...a]; delete s[0]; return s; }),
    anyValue,
  );
}
const validHint = { field: 'applicant.name', status: 'fail', rule: '8.1', text: { zh: '甲', en: 'a' } };
const hint = objectOf({
  field: fieldKey,
  status: sometimes(fc.constantFrom('fail', 'needs-evidence', 'pass'), fc.constantFrom('warn', 'FAIL'), anyValue),
  rule: text(20),
  text: objectOf({ zh: text(2000), en: text(2000) }),
});
const values = sometimes(
  fc.dictionary(keyString, sometimes(fc.oneof(fc.boolean(), fc.string({ maxLength: 8 }), fc.constant('x'.repeat(20_000))), fc.constant('x'.repeat(20_001)), anyValue), { maxKeys: 4 }),
  fc.dictionary(fc.oneof(keyString, badKeyString), fc.oneof(fc.boolean(), fc.string({ maxLength: 4 })), { minKeys: 1, maxKeys: 3 }),
  fc.dictionary(keyString, fc.string({ maxLength: 4 }), { maxKeys: 3 }).map((d) => Object.assign(Object.create(null), d)),
  fc.constantFrom(new Date(0), new Map(), [], null, { [Symbol('s')]: 'x' }, Object.create({ inheritedKey: 'x' })),
  anyValue,
);
const nearMessage = fc.oneof(
  objectOf({ type: fc.constant('hints/update'), hints: arrayOf(hint, 200, validHint) }),
  objectOf({ type: fc.constant('picker/start'), field: fieldKey }),
  objectOf({ type: fc.constantFrom('picker/cancel', 'snapshot/request') }),
  objectOf({ type: fc.constant('prefill/apply'), values, overwrite: arrayOf(fieldKey, 500, 'applicant.name') }),
  objectOf({ type: fc.constant('prefill/apply'), values, overwrite: arrayOf(fieldKey, 500, 'applicant.name'), expect: sometimes(fc.dictionary(keyString, fc.string({ maxLength: 8 }), { maxKeys: 3 }), values, anyValue) }),
  objectOf({ type: sometimes(fc.constantFrom('hints/update', 'picker/start', 'picker/cancel', 'prefill/apply', 'snapshot/request'), fc.constantFrom('eval/run', 'portal/snapshot'), anyValue), field: fieldKey }),
  anyValue,
);

describe('sender checks (CWE-346)', () => {
  it('a valid snapshot from our content script on a portal tab is handled (control)', async () => {
    const { router, calls } = harness();
    expect((await router.handle(snapshot(), contentSender)).ok).toBe(true);
    expect(calls).toContain('saveDraft');
  });

  it('refuses a message from another extension (foreign sender id)', () =>
    expectRefusedWithoutEffect(snapshot(), { ...contentSender, id: 'mallorymallorymallorymallorymallo' }));

  it('refuses a message with no sender id', () => expectRefusedWithoutEffect(snapshot(), { url: PORTAL, tab: { id: 7, url: PORTAL } }));

  it('refuses our content script running in a tab that is not a portal page', () =>
    expectRefusedWithoutEffect(snapshot(), { id: RUNTIME_ID, url: 'https://evil.example/apply', tab: { id: 9, url: 'https://evil.example/apply' } }));

  it('refuses a look-alike host (suffix match is on a dot boundary)', () =>
    expectRefusedWithoutEffect(snapshot(), { id: RUNTIME_ID, url: 'http://127.0.0.1.evil.example/', tab: { id: 9, url: 'http://127.0.0.1.evil.example/' } }));

  it('refuses a third-party iframe inside a portal tab', () =>
    expectRefusedWithoutEffect(snapshot(), { id: RUNTIME_ID, url: 'https://ads.example/frame', tab: { id: 7, url: PORTAL }, frameId: 3 }));

  it('refuses a content message with no tab (or a negative tab id)', async () => {
    await expectRefusedWithoutEffect(snapshot(), { id: RUNTIME_ID, url: PORTAL });
    await expectRefusedWithoutEffect(snapshot(), { id: RUNTIME_ID, url: PORTAL, tab: { id: -1, url: PORTAL } });
  });

  it('refuses every privileged panel action when it comes from a content script', async () => {
    for (const m of [
      { type: 'panel/prefill', tabId: 7 },
      { type: 'panel/start-picker', tabId: 7, field: 'applicant.name' },
      { type: 'panel/cancel-picker', tabId: 7 },
      { type: 'panel/refresh', tabId: 7 },
      { type: 'panel/get-tab-state', tabId: 7 },
      { type: 'panel/choose-kind', tabId: 7, kind: 'organization' },
    ]) {
      await expectRefusedWithoutEffect(m, contentSender);
    }
  });

  it('refuses content-channel messages from an extension page, and panel messages from a web page posing as one', async () => {
    await expectRefusedWithoutEffect(snapshot(), panelSender);
    await expectRefusedWithoutEffect({ type: 'panel/prefill', tabId: 7 }, { id: RUNTIME_ID, url: 'https://evil.example/sidepanel.html' });
    await expectRefusedWithoutEffect({ type: 'panel/prefill', tabId: 7 }, { id: RUNTIME_ID, url: `${EXT_ORIGIN}sidepanel.html`, tab: { id: 7, url: PORTAL } });
  });

  it('a field pick counts only while the user asked for one on that tab', async () => {
    const { router, calls } = harness();
    await router.handle(snapshot(), contentSender);
    calls.length = 0;
    const reply = await router.handle({ type: 'portal/picked', field: 'applicant.name', locators: [{ kind: 'label', value: '单位名称' }], label: '单位名称' }, contentSender);
    expect(reply.ok).toBe(false);
    expect(calls).not.toContain('applyPicked');
  });

  it('fast-check: thousands of arbitrary messages from any sender never throw, and never act unless sender and schema both pass', async () => {
    const senders = fc.constantFrom<SenderLike>(
      contentSender,
      panelSender,
      { ...contentSender, id: 'other' },
      { id: RUNTIME_ID, url: 'https://evil.example/', tab: { id: 1, url: 'https://evil.example/' } },
      {},
    );
    const messages = fc.oneof(fc.anything(), fc.constantFrom(...validContent), fc.record({ type: fc.string(), tabId: fc.integer() }));
    await fc.assert(
      fc.asyncProperty(messages, senders, async (message, sender) => {
        const { router, calls } = harness();
        const reply = await router.handle(message, sender);
        const trusted = sender === contentSender || sender === panelSender;
        const schema = sender === contentSender ? contentToBackgroundSchema : panelToBackgroundSchema;
        if (!trusted || !schema.safeParse(message).success) {
          expect(reply.ok).toBe(false);
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
