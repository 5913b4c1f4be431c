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

  it('extra keys never reach a handler (dropped by the schema, or refused)', () => {
    const parsed = contentToBackgroundSchema.safeParse(snapshot({ caseId: 'c1', __proto__: { admin: true }, fields: [{ key: 'a', found: true, value: 'x', html: '<img onerror=alert(1)>' }] }));
    if (parsed.success) {
      expect(Object.keys(parsed.data).sort()).toEqual(['adapterId', 'attachments', 'fields', 'page', 'takenAt', 'type', 'url']);
      expect(Object.keys(parsed.data.type === 'portal/snapshot' ? parsed.data.fields[0]! : {})).not.toContain('html');
      expect((parsed.data as Record<string, unknown>).admin).toBeUndefined();
    }
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

  it('the content script’s zod-free guard agrees with the schema on refusals (fast-check)', () => {
    const arbitraryMessage = fc.oneof(
      fc.record({ type: fc.constantFrom('hints/update', 'picker/start', 'picker/cancel', 'prefill/apply', 'snapshot/request', 'eval/run'), hints: fc.anything(), field: fc.anything(), values: fc.anything(), overwrite: fc.anything() }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(arbitraryMessage, (m) => {
        // whatever the guard lets through, the full schema must accept too
        if (isBackgroundToContent(m)) expect(backgroundToContentSchema.safeParse(m).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

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
