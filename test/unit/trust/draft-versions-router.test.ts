// Issue 15 item 6 for drafts read off the portal: two portal tabs of one form used to overwrite each
// other's draft, last writer wins. Each tab now saves on top of the version it last wrote; when another
// tab wrote meanwhile, this tab's reading is refused on the shared draft and kept as a draft of its own,
// so nothing typed in either tab is lost.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isTabDraftId } from '../../../src/messaging/draft-ids.ts';
import { createRouter, type BackgroundServices } from '../../../src/messaging/router.ts';
import { TabStateStore, type SessionArea } from '../../../src/messaging/tab-state-store.ts';
import { getDraft, listDrafts, saveDraft } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { core, eligibleOrganization, portalSender, snapshot } from '../shell/fixtures.ts';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});

function setup() {
  const services: BackgroundServices = {
    runtimeId: 'test-extension-id',
    extensionOrigin: 'chrome-extension://test-extension-id/',
    portalPatterns: () => ['http://127.0.0.1/*', 'http://localhost/*'],
    core,
    store: new TabStateStore(fakeBrowser.storage.session as unknown as SessionArea),
    sendToTab: async () => undefined,
    broadcast: async () => undefined,
    activeTabId: async () => 7,
    saveDraft: (d, expectedVersion) => saveDraft(d, { durability: 'relaxed', expectedVersion }),
    recordStatusRows: async () => [],
    recordAnchorMiss: async () => undefined,
    profileValues: async () => null,
  };
  return { router: createRouter(services), services };
}

const nameOf = (application: unknown) => (application as { applicant?: { name?: string } }).applicant?.name;

describe('portal drafts: no lost update between two tabs (issue 15)', () => {
  it('tab 8 wrote the shared draft after tab 7: tab 7’s next reading is kept as its own draft, the shared one keeps tab 8’s', async () => {
    const { router, services } = setup();
    await router.handle(snapshot(eligibleOrganization({ 'applicant.name': '甲公司（标签页7）' })), portalSender(7));
    expect((await services.store.get(7))?.draftVersion).toBe(1);
    await router.handle(snapshot(eligibleOrganization({ 'applicant.name': '乙公司（标签页8）' })), portalSender(8));
    await router.handle(snapshot(eligibleOrganization({ 'applicant.name': '甲公司改（标签页7）' })), portalSender(7));

    const shared = await getDraft('portal/demo-portal');
    expect(nameOf(shared?.application)).toBe('乙公司（标签页8）');
    const own = (await services.store.get(7))!;
    expect(own.draftId).not.toBe('portal/demo-portal');
    expect(isTabDraftId(own.draftId)).toBe(true); // the panel tells tab 7 (OwnTabDraftNotice)
    expect(isTabDraftId((await services.store.get(8))!.draftId)).toBe(false);
    expect(nameOf((await getDraft(own.draftId!))?.application)).toBe('甲公司改（标签页7）');
    expect((await listDrafts()).map((d) => nameOf(d.application)).sort()).toEqual(['乙公司（标签页8）', '甲公司改（标签页7）'].sort());

    // tab 7 goes on writing its own draft, on top of its own versions
    await router.handle(snapshot(eligibleOrganization({ 'applicant.name': '甲公司再改（标签页7）' })), portalSender(7));
    const again = (await services.store.get(7))!;
    expect(again.draftId).toBe(own.draftId);
    expect(nameOf((await getDraft(own.draftId!))?.application)).toBe('甲公司再改（标签页7）');
    expect(nameOf((await getDraft('portal/demo-portal'))?.application)).toBe('乙公司（标签页8）');
  });

  it('one tab alone keeps writing the shared draft, its version rising by one per reading', async () => {
    const { router, services } = setup();
    for (const n of ['甲', '甲公', '甲公司']) await router.handle(snapshot(eligibleOrganization({ 'applicant.name': n })), portalSender(7));
    expect((await services.store.get(7))?.draftId).toBe('portal/demo-portal');
    expect((await getDraft('portal/demo-portal'))?.version).toBe(3);
    expect(await listDrafts()).toHaveLength(1);
  });
});
