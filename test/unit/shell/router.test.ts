import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type BackgroundServices } from '../../../src/messaging/router.ts';
import { TabStateStore, type SessionArea } from '../../../src/messaging/tab-state-store.ts';
import type { BackgroundToContent } from '../../../src/messaging/protocol.ts';
import type { BackgroundToPanel, TabState } from '../../../src/messaging/panel-protocol.ts';
import { core, eligibleOrganization, panelSender, PORTAL_URL, portalSender, snapshot } from './fixtures.ts';

function setup(overrides: Partial<BackgroundServices> = {}) {
  const toTabs: { tabId: number; message: BackgroundToContent }[] = [];
  const broadcasts: BackgroundToPanel[] = [];
  const drafts: { id: string; application: unknown }[] = [];
  const misses: unknown[] = [];
  const session = fakeBrowser.storage.session as unknown as SessionArea;
  const services: BackgroundServices = {
    runtimeId: 'test-extension-id',
    extensionOrigin: 'chrome-extension://test-extension-id/',
    portalPatterns: () => ['http://127.0.0.1/*', 'http://localhost/*'],
    core,
    store: new TabStateStore(session),
    sendToTab: async (tabId, message) => {
      toTabs.push({ tabId, message });
      // the content script answers prefill with what it filled and what it kept (one typed field here)
      if (message.type === 'prefill/apply') {
        const typed = ['applicant.name'];
        const keys = Object.keys(message.values);
        return {
          ok: true,
          filled: keys.filter((k) => !typed.includes(k) || message.overwrite.includes(k)),
          skipped: keys.filter((k) => typed.includes(k) && !message.overwrite.includes(k)).map((key) => ({ key, reason: 'not-empty' })),
        };
      }
      return undefined;
    },
    broadcast: async (message) => void broadcasts.push(message),
    activeTabId: async () => 7,
    saveDraft: async (d) => void drafts.push(d),
    recordStatusRows: async () => ['portal:LYG2026-0012'],
    recordAnchorMiss: async (m) => void misses.push(m),
    profileValues: async () => ({ 'applicant.name': '连云港示范精工有限公司' }),
    ...overrides,
  };
  return { router: createRouter(services), services, toTabs, broadcasts, drafts, misses, session };
}

beforeEach(() => fakeBrowser.reset());

describe('content-script messages', () => {
  it('a snapshot from a portal tab is checked, badges go back to that tab, the draft is saved and pages are told', async () => {
    const { router, services, toTabs, broadcasts, drafts } = setup();
    const reply = await router.handle(snapshot(eligibleOrganization({ 'applicant.establishedOn': '2024-01-01' })), portalSender(7));
    expect(reply.ok).toBe(true);
    const state = await services.store.get(7);
    expect(state?.precheck?.verdict).toBe('ineligible');
    expect(toTabs).toEqual([{ tabId: 7, message: { type: 'hints/update', hints: [expect.objectContaining({ field: 'applicant.establishedOn', rule: '8.1' })] } }]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.id).toBe('portal/demo-portal');
    expect(broadcasts).toEqual([expect.objectContaining({ type: 'tab-state/changed', tabId: 7 })]);
  });

  it('a malformed snapshot is refused with a bilingual message and changes nothing', async () => {
    const { router, services, toTabs, broadcasts, drafts } = setup();
    const bad = { ...snapshot(eligibleOrganization()), fields: 'not a list' };
    const reply = await router.handle(bad, portalSender(7));
    expect(reply).toEqual({ ok: false, error: { zh: expect.any(String), en: expect.any(String) } });
    expect(await services.store.get(7)).toBeNull();
    expect([toTabs, broadcasts, drafts]).toEqual([[], [], []]);
  });

  it.each([
    ['another extension', { ...portalSender(7), id: 'some-other-extension' }],
    ['a page that is not a granted portal origin', portalSender(7, 'https://evil.example/app/')],
    ['a sender without a tab', { id: 'test-extension-id', url: 'http://127.0.0.1:5175/app/' }],
    ['no sender at all', {}],
  ])('a snapshot from %s is refused and changes nothing', async (_what, sender) => {
    const { router, services, toTabs, drafts } = setup();
    const reply = await router.handle(snapshot(eligibleOrganization()), sender);
    expect(reply.ok).toBe(false);
    expect(await services.store.get(7)).toBeNull();
    expect(toTabs).toEqual([]);
    expect(drafts).toEqual([]);
  });

  it('a content script cannot use the panel channel (prefill from the profile)', async () => {
    const { router, toTabs } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    toTabs.length = 0;
    const reply = await router.handle({ type: 'panel/prefill', tabId: 7 }, portalSender(7));
    expect(reply.ok).toBe(false);
    expect(toTabs).toEqual([]);
  });

  it('status rows are recorded and the tab remembers the cases', async () => {
    const recordStatusRows = vi.fn(async () => ['portal:LYG2026-0012']);
    const { router, services } = setup({ recordStatusRows });
    await router.handle(snapshot([], { page: 'application-status', url: 'http://127.0.0.1:5175/app/my-applications' }), portalSender(7, 'http://127.0.0.1:5175/app/my-applications'));
    const rows = [{ applicationNo: 'LYG2026-0012', applicantName: '连云港海州精密机械有限公司', statusText: '已受理', date: '2026-03-20' }];
    const reply = await router.handle({ type: 'portal/status-rows', adapterId: 'demo-portal', url: 'http://127.0.0.1:5175/app/my-applications', rows }, portalSender(7, 'http://127.0.0.1:5175/app/my-applications'));
    expect(reply).toEqual({ ok: true, caseIds: ['portal:LYG2026-0012'] });
    expect(recordStatusRows).toHaveBeenCalledWith(rows, 'demo-portal', 'http://127.0.0.1:5175/app/my-applications');
    expect((await services.store.get(7))?.caseIds).toEqual(['portal:LYG2026-0012']);
  });

  it('anchor misses are recorded, under the page the browser reports for the sender', async () => {
    const { router, misses } = setup();
    await router.handle({ type: 'portal/anchor-miss', adapterId: 'demo-portal', url: 'http://127.0.0.1/app/', field: 'applicant.name', tried: ['label:单位名称'] }, portalSender(7));
    expect(misses).toEqual([{ adapterId: 'demo-portal', field: 'applicant.name', url: PORTAL_URL, tried: ['label:单位名称'] }]);
  });

  it('the page URL is the sender’s, never the URL a message claims (snapshot, status rows, anchor miss)', async () => {
    const claimed = 'https://evil.example/phish?next=javascript:alert(1)';
    const recordStatusRows = vi.fn(async () => ['portal:LYG2026-0012']);
    const { router, services, drafts, misses, broadcasts } = setup({ recordStatusRows });
    const statusPage = 'http://127.0.0.1:5175/app/my-applications';

    expect((await router.handle(snapshot(eligibleOrganization(), { url: claimed }), portalSender(7))).ok).toBe(true);
    expect((await services.store.get(7))?.url).toBe(PORTAL_URL);
    expect(drafts[0]).toMatchObject({ source: PORTAL_URL });
    expect(broadcasts.at(-1)).toMatchObject({ type: 'tab-state/changed', state: { url: PORTAL_URL } });

    await router.handle({ type: 'portal/status-rows', adapterId: 'demo-portal', url: claimed, rows: [] }, portalSender(8, statusPage));
    expect(recordStatusRows).toHaveBeenCalledWith([], 'demo-portal', statusPage);

    await router.handle({ type: 'portal/anchor-miss', adapterId: 'demo-portal', url: claimed, field: 'applicant.name', tried: [] }, portalSender(7));
    expect(misses).toEqual([expect.objectContaining({ url: PORTAL_URL })]);
    expect(JSON.stringify([drafts, misses, broadcasts, await services.store.get(7)])).not.toContain('evil.example');
  });

  it('a frame’s own URL (sender.url) wins over the tab’s, and the tab’s URL is used when the frame has none', async () => {
    const { router, services } = setup();
    const frame = 'http://127.0.0.1:5175/app/apply/a/frame';
    await router.handle(snapshot(eligibleOrganization()), { id: 'test-extension-id', url: frame, tab: { id: 7, url: PORTAL_URL }, frameId: 0 });
    expect((await services.store.get(7))?.url).toBe(frame);
    await router.handle(snapshot(eligibleOrganization(), { url: 'http://127.0.0.1:5175/claimed' }), { id: 'test-extension-id', tab: { id: 9, url: PORTAL_URL }, frameId: 0 });
    expect((await services.store.get(9))?.url).toBe(PORTAL_URL);
  });

  it('a pick counts only after the panel started the picker for that field', async () => {
    const { router, broadcasts } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const picked = { type: 'portal/picked', field: 'applicant.name', locators: [{ kind: 'label', value: '单位名称' }], label: '单位名称' };
    expect((await router.handle(picked, portalSender(7))).ok).toBe(false);
    expect((await router.handle({ type: 'panel/start-picker', tabId: 7, field: 'applicant.name' }, panelSender())).ok).toBe(true);
    expect((await router.handle(picked, portalSender(7))).ok).toBe(true);
    expect(broadcasts).toContainEqual(expect.objectContaining({ type: 'picker/picked', field: 'applicant.name', adapterId: 'demo-portal' }));
  });
});

describe('extension-page messages', () => {
  it('the panel gets the state of the active portal tab', async () => {
    const { router } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const reply = await router.handle({ type: 'panel/get-tab-state' }, panelSender());
    expect(reply).toMatchObject({ ok: true, tabId: 7, state: { tabId: 7, precheck: { verdict: 'eligible' } } });
  });

  it('a panel beside a non-portal tab gets no state (its empty state shows)', async () => {
    const { router } = setup({ activeTabId: async () => 99 });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const reply = await router.handle({ type: 'panel/get-tab-state' }, panelSender());
    expect(reply).toEqual({ ok: true, state: null, tabId: 99 });
  });

  it('the options page (an extension page in its own tab) gets the latest portal tab for the adapter picker', async () => {
    const { router } = setup({ activeTabId: async () => 99 });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const options = 'chrome-extension://test-extension-id/options.html';
    const reply = await router.handle({ type: 'panel/get-tab-state' }, { id: 'test-extension-id', url: options, tab: { id: 99, url: options } });
    expect(reply).toMatchObject({ ok: true, tabId: 7 });
  });

  it('the panel page opened as a tab of its own follows the latest portal tab', async () => {
    const { router } = setup({ activeTabId: async () => 99 });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const reply = await router.handle({ type: 'panel/get-tab-state', followLatest: true }, panelSender());
    expect(reply).toMatchObject({ ok: true, tabId: 7 });
  });

  it('申报类型 not found on the page: the person chooses the kind in the panel; everything is evaluated with it, and it holds for the next readings', async () => {
    const { router, toTabs, broadcasts } = setup();
    const noKind = () => eligibleOrganization().map((f) => (f.key === 'applicant.kind' ? { ...f, found: false, value: null } : f));
    await router.handle(snapshot(noKind()), portalSender(7));
    const before = (await router.handle({ type: 'panel/get-tab-state', tabId: 7 }, panelSender())) as unknown as { state: TabState };
    expect(before.state.precheck).toBeNull();
    toTabs.length = 0;
    expect(await router.handle({ type: 'panel/choose-kind', tabId: 7, kind: 'organization' }, panelSender())).toEqual({ ok: true });
    const chosen = (await router.handle({ type: 'panel/get-tab-state', tabId: 7 }, panelSender())) as unknown as { state: TabState };
    expect(chosen.state.chosenKind).toBe('organization');
    expect(chosen.state.precheck?.verdict).toBe('eligible');
    expect(chosen.state.precheck?.kind).toBe('organization');
    expect(toTabs.some((t) => t.message.type === 'hints/update')).toBe(true);
    // the page is told too, so it binds the chosen kind's own fields (kind-choice.test.ts)
    expect(toTabs.filter((t) => t.message.type === 'kind/choose').map((t) => [t.tabId, t.message])).toEqual([[7, { type: 'kind/choose', kind: 'organization' }]]);
    expect(broadcasts.at(-1)).toMatchObject({ type: 'tab-state/changed', tabId: 7, state: { chosenKind: 'organization' } });
    // the next reading (still without the kind) keeps the choice
    await router.handle(snapshot(noKind()), portalSender(7));
    const next = (await router.handle({ type: 'panel/get-tab-state', tabId: 7 }, panelSender())) as unknown as { state: TabState };
    expect(next.state.precheck?.verdict).toBe('eligible');
    // the page's own answer wins over the choice
    await router.handle(snapshot(eligibleOrganization({ 'applicant.kind': '个人' })), portalSender(7));
    const page = (await router.handle({ type: 'panel/get-tab-state', tabId: 7 }, panelSender())) as unknown as { state: TabState };
    expect(page.state.precheck?.kind).toBe('individual');
    // no tab state: refused, nothing stored
    expect(await router.handle({ type: 'panel/choose-kind', tabId: 9, kind: 'individual' }, panelSender())).toMatchObject({ ok: false });
  });

  it('prefill sends the profile values to the form tab, filling only empty fields', async () => {
    const { router, toTabs } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    toTabs.length = 0;
    const reply = await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender());
    expect(reply).toEqual({ ok: true, filled: [], kept: ['applicant.name'], keptValues: {}, notPlaced: [], notFillable: [], notTaken: [], notSupported: [] });
    expect(toTabs).toEqual([{ tabId: 7, message: { type: 'prefill/apply', values: { 'applicant.name': '连云港示范精工有限公司' }, overwrite: [] } }]);
  });

  it('prefill loads the widget drivers into the tab first; when they cannot be loaded it says so and sends nothing', async () => {
    const order: string[] = [];
    const ok = setup({ loadPrefillDriver: async (tabId) => void order.push(`load ${tabId}`), sendToTab: async (_t, m) => { order.push(m.type); return m.type === 'prefill/apply' ? { ok: true, filled: [], skipped: [] } : undefined; } });
    await ok.router.handle(snapshot(eligibleOrganization()), portalSender(7));
    order.length = 0;
    expect(await ok.router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender())).toMatchObject({ ok: true });
    expect(order).toEqual(['load 7', 'prefill/apply']);

    const failing = setup({ loadPrefillDriver: async () => { throw new Error('Missing host permission for the tab'); } });
    await failing.router.handle(snapshot(eligibleOrganization()), portalSender(7));
    failing.toTabs.length = 0;
    const reply = await failing.router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender());
    expect(reply).toMatchObject({ ok: false, error: { zh: '申报页没有回应，请刷新申报页后重试' } });
    expect(failing.toTabs.filter((t) => t.message.type === 'prefill/apply')).toEqual([]);
  });

  it('the picker loads the drivers first too (its locator proposal lives there); when they cannot be loaded it says so and starts nothing', async () => {
    const order: string[] = [];
    const ok = setup({ loadPrefillDriver: async (tabId) => void order.push(`load ${tabId}`), sendToTab: async (_t, m) => { order.push(m.type); return undefined; } });
    await ok.router.handle(snapshot(eligibleOrganization()), portalSender(7));
    order.length = 0;
    expect(await ok.router.handle({ type: 'panel/start-picker', tabId: 7, field: 'applicant.name' }, panelSender())).toMatchObject({ ok: true });
    expect(order).toEqual(['load 7', 'picker/start']);

    const failing = setup({ loadPrefillDriver: async () => { throw new Error('Missing host permission for the tab'); } });
    await failing.router.handle(snapshot(eligibleOrganization()), portalSender(7));
    failing.toTabs.length = 0;
    const reply = await failing.router.handle({ type: 'panel/start-picker', tabId: 7, field: 'applicant.name' }, panelSender());
    expect(reply).toMatchObject({ ok: false, error: { zh: '申报页没有回应，请刷新申报页后重试' } });
    expect(failing.toTabs.filter((t) => t.message.type === 'picker/start')).toEqual([]);
  });

  it('a table on the page that prefill cannot fill is reported as such, never as 不在本页 (notPlaced)', async () => {
    const { router } = setup({
      profileValues: async () => ({ 'applicant.qmsCertificates': 'GB/T 19001-2016|2028-05-31', 'applicant.productLevel': '国际先进' }),
      sendToTab: async (_t, m) => m.type === 'prefill/apply'
        ? { ok: true, filled: [], skipped: [{ key: 'applicant.qmsCertificates', reason: 'unsupported' }, { key: 'applicant.productLevel', reason: 'not-on-page' }] }
        : undefined,
    });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const reply = await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender());
    expect(reply).toMatchObject({ ok: true, notPlaced: ['applicant.productLevel'], notSupported: ['applicant.qmsCertificates'] });
  });

  it('prefill reports what it filled, what it kept, and what this page has no place for; overwrite only what the user agreed to', async () => {
    const { router, toTabs } = setup({
      profileValues: async () => ({ 'applicant.name': '连云港示范精工有限公司', 'applicant.creditCode': '91320700MA1NXQ0BX9' }),
      sendToTab: async (tabId, message) => {
        toTabs.push({ tabId, message });
        if (message.type !== 'prefill/apply') return undefined;
        // 单位名称 holds typed text; the credit code's field is on another step of the form
        return message.overwrite.includes('applicant.name')
          ? { ok: true, filled: ['applicant.name'], skipped: [{ key: 'applicant.creditCode', reason: 'not-on-page' }] }
          : { ok: true, filled: [], skipped: [{ key: 'applicant.name', reason: 'not-empty', current: '用户写的名称' }, { key: 'applicant.creditCode', reason: 'not-on-page' }] };
      },
    });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    toTabs.length = 0;
    expect(await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender())).toEqual({
      ok: true,
      filled: [],
      kept: ['applicant.name'],
      keptValues: { 'applicant.name': '用户写的名称' },
      notPlaced: ['applicant.creditCode'],
      notFillable: [],
      notTaken: [],
      notSupported: [],
    });
    // the user agreed to replace 单位名称; a key the profile does not hold is never sent on
    const agreed = await router.handle(
      { type: 'panel/prefill', tabId: 7, overwrite: ['applicant.name', 'applicant.establishedOn'], expect: { 'applicant.name': '用户写的名称', 'applicant.establishedOn': '2020-01-01' } },
      panelSender(),
    );
    expect(agreed).toEqual({ ok: true, filled: ['applicant.name'], kept: [], keptValues: {}, notPlaced: ['applicant.creditCode'], notFillable: [], notTaken: [], notSupported: [] });
    expect(toTabs.at(-1)?.message).toEqual({
      type: 'prefill/apply',
      values: { 'applicant.name': '连云港示范精工有限公司', 'applicant.creditCode': '91320700MA1NXQ0BX9' },
      overwrite: ['applicant.name'],
      expect: { 'applicant.name': '用户写的名称' },
    });
  });

  it('prefill refuses, in both languages, when the page answers nothing or something malformed', async () => {
    for (const answer of [undefined, { ok: true, filled: ['<img>'.repeat(40)], skipped: [] }, { ok: true, filled: [], skipped: [{ key: 'a', reason: 'hacked' }] }, { ok: false }]) {
      const { router } = setup({ sendToTab: async () => answer });
      await router.handle(snapshot(eligibleOrganization()), portalSender(7));
      const reply = await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender());
      expect(reply).toEqual({ ok: false, error: { zh: expect.stringContaining('申报页'), en: expect.stringContaining('application page') } });
    }
    const { router } = setup({ sendToTab: async (_t, m) => { if (m.type === 'prefill/apply') throw new Error('Receiving end does not exist'); } });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    expect((await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender())).ok).toBe(false);
  });

  it('prefill without a stored profile says so and sends nothing', async () => {
    const { router, toTabs } = setup({ profileValues: async () => null });
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    toTabs.length = 0;
    const reply = await router.handle({ type: 'panel/prefill', tabId: 7 }, panelSender());
    expect(reply).toEqual({ ok: false, error: { zh: expect.stringContaining('设置'), en: expect.stringContaining('options') } });
    expect(toTabs).toEqual([]);
  });

  it('malformed panel messages and web pages posing as the panel are refused', async () => {
    const { router, toTabs } = setup();
    expect((await router.handle({ type: 'panel/start-picker', tabId: -1, field: '' }, panelSender())).ok).toBe(false);
    expect((await router.handle({ type: 'panel/refresh', tabId: 7 }, { id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 3, url: 'https://evil.example/' } })).ok).toBe(false);
    expect(toTabs).toEqual([]);
  });
});

describe('tab state survives a service-worker restart', () => {
  it('is read back from storage.session after memory is lost', async () => {
    const { router, services } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    services.store.dropMemory();
    expect((await services.store.get(7))?.precheck?.verdict).toBe('eligible');
  });

  it('a tab that reloaded and sent no reading since is forgotten; one that did is kept', async () => {
    const { router, services } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    const before = Date.now() - 1;
    await router.forgetIfStale(7, before);
    expect(await services.store.get(7)).not.toBeNull();
    await router.forgetIfStale(7, Date.now() + 1);
    expect(await services.store.get(7)).toBeNull();
  });

  it('a closed tab is forgotten and the pages are told', async () => {
    const { router, services, broadcasts } = setup();
    await router.handle(snapshot(eligibleOrganization()), portalSender(7));
    await router.forgetTab(7);
    expect(await services.store.get(7)).toBeNull();
    expect(broadcasts.at(-1)).toEqual({ type: 'tab-state/changed', tabId: 7, state: null });
  });
});
