import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type BackgroundServices } from '../../../src/messaging/router.ts';
import { TabStateStore, type SessionArea } from '../../../src/messaging/tab-state-store.ts';
import type { PrecheckView } from '../../../src/messaging/panel-protocol.ts';
import { showToolbarState, toolbarFor } from '../../../src/messaging/toolbar-state.ts';
import { core, eligibleOrganization, portalSender, snapshot } from './fixtures.ts';

const finding = (status: 'pass' | 'fail' | 'needs-evidence', rule = '8.1') => ({ rule, status, message: { zh: 'x', en: 'x' }, detail: { zh: 'x', en: 'x' }, evidence: [] });
const view = (verdict: PrecheckView['verdict'], findings: ReturnType<typeof finding>[]): PrecheckView => ({ verdict, findings, inputErrors: [], kind: 'organization', submittedOn: null });

beforeEach(() => fakeBrowser.reset());

describe('toolbar state from the pre-check verdict', () => {
  it('no application on the tab: the neutral icon and no badge', () => {
    expect(toolbarFor(null)).toMatchObject({ state: 'neutral', badgeText: '' });
  });
  it('eligible: the green icon with a ✓ badge', () => {
    expect(toolbarFor(view('eligible', [finding('pass')]))).toMatchObject({ state: 'eligible', badgeText: '✓' });
  });
  it('a failing clause: attention, red badge counting the clauses to look at', () => {
    const v = toolbarFor(view('ineligible', [finding('fail'), finding('needs-evidence', '8.3'), finding('pass', '8.2')]));
    expect(v).toMatchObject({ state: 'attention', badgeText: '2', badgeColor: '#D93025' });
    expect(v.title).toContain('1 项不符合');
    expect(v.title).toContain('1 项待补充');
  });
  it('only evidence missing: attention with an amber badge', () => {
    expect(toolbarFor(view('incomplete', [finding('needs-evidence')]))).toMatchObject({ state: 'attention', badgeText: '1', badgeColor: '#B06000' });
  });
  it('sets the per-tab icon paths of the state, badge and tooltip', async () => {
    const calls: Record<string, unknown[]> = {};
    const record = (name: string) => async (d: unknown) => void (calls[name] ??= []).push(d);
    const api = { setIcon: record('icon'), setBadgeText: record('text'), setBadgeBackgroundColor: record('color'), setTitle: record('title') };
    await showToolbarState(5, view('eligible', []), api);
    expect(calls.icon).toEqual([{ tabId: 5, path: { 16: '/icon/16-eligible.png', 32: '/icon/32-eligible.png', 48: '/icon/48-eligible.png', 128: '/icon/128-eligible.png' } }]);
    expect(calls.text).toEqual([{ tabId: 5, text: '✓' }]);
  });
});

describe('the router shows each tab its own verdict', () => {
  function setup() {
    const shown: { tabId: number; verdict: string | null }[] = [];
    const services: BackgroundServices = {
      runtimeId: 'test-extension-id',
      extensionOrigin: 'chrome-extension://test-extension-id/',
      portalPatterns: () => ['http://127.0.0.1/*'],
      core,
      store: new TabStateStore(fakeBrowser.storage.session as unknown as SessionArea),
      sendToTab: async () => undefined,
      broadcast: async () => undefined,
      activeTabId: async () => 7,
      saveDraft: async () => undefined,
      recordStatusRows: async () => [],
      recordAnchorMiss: async () => undefined,
      profileValues: async () => null,
      showVerdict: async (tabId, precheck) => void shown.push({ tabId, verdict: precheck?.verdict ?? null }),
    };
    return { router: createRouter(services), shown };
  }
  it('a snapshot sets that tab; closing the tab resets it to neutral', async () => {
    const { router, shown } = setup();
    await router.handle(snapshot(eligibleOrganization({ 'applicant.establishedOn': '2024-01-01' })), portalSender(7));
    await router.handle(snapshot(eligibleOrganization()), portalSender(8));
    expect(shown).toEqual([{ tabId: 7, verdict: 'ineligible' }, { tabId: 8, verdict: expect.any(String) }]);
    expect(toolbarFor(null).state).toBe('neutral');
    await router.forgetTab(7);
    expect(shown.at(-1)).toEqual({ tabId: 7, verdict: null });
  });
});
