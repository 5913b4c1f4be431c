import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TabState } from '../../../src/messaging/panel-protocol.ts';
import * as storage from '../../../src/storage/repos.ts';
import { isRecommended, loadAttachmentLabels, loadCase, loadCases } from '../../../src/ui/panel/stored.ts';
import { eligibleOrganization, PORTAL_URL } from './fixtures.ts';

beforeEach(async () => {
  await storage.closeDb();
  globalThis.indexedDB = new IDBFactory();
});

const state = (caseIds: string[] = []): TabState => ({
  tabId: 1, url: PORTAL_URL, page: 'application-form', adapterId: 'demo-portal', takenAt: 1, fields: eligibleOrganization(),
  attachments: [], precheck: null, hints: [], draftId: null, caseIds, picker: null,
});

describe('which case the panel shows', () => {
  it('matches the application on the page by credit code, and reads 推荐意见 from its log', async () => {
    await storage.createCase({ id: 'other', year: 2026, kind: 'organization', applicantName: '别的公司', creditCode: null, recommender: null });
    await storage.createCase({ id: 'mine', year: 2026, kind: 'organization', applicantName: '改过名的公司', creditCode: '91320700MA1NXQ0BX9', recommender: null });
    await storage.appendCaseEvents('mine', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }, { type: 'recommend', on: '2026-03-09', by: '海州区' }], 'test');
    const { preferred, matched } = await loadCases(state());
    expect([preferred, matched]).toEqual(['mine', true]);
    const record = (await storage.getCase('mine'))!;
    expect(isRecommended((await loadCase(record)).view)).toBe(true);
  });

  it('a case read off this tab wins; with no tie the latest is offered but not claimed as this application', async () => {
    await storage.createCase({ id: 'a', year: 2026, kind: 'organization', applicantName: '甲', creditCode: null, recommender: null });
    await storage.createCase({ id: 'b', year: 2026, kind: 'organization', applicantName: '乙', creditCode: null, recommender: null });
    expect(await loadCases(state(['a']))).toMatchObject({ preferred: 'a', matched: true });
    expect(await loadCases(state())).toMatchObject({ preferred: 'b', matched: false });
  });

  it('attachment names come from the adapter the tab was read with', async () => {
    const labels = await loadAttachmentLabels('demo-portal');
    expect(labels['business-licence']?.zh).toBe('营业执照');
    expect(await loadAttachmentLabels('no-such-adapter')).toEqual({});
  });
});
