import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoPortalAdapter } from '../../../src/portal/index.ts';
import { deleteAdapter, listAdapters } from '../../../src/storage/repos.ts';
import { SAVED_ADAPTERS_KEY } from '../../../src/ui/options/adapter-mirror.ts';
import { savePickedLocators } from '../../../src/ui/panel/picks.ts';

beforeEach(async () => {
  fakeBrowser.reset();
  for (const a of await listAdapters()) await deleteAdapter(a.id);
});

const mirrored = async () => (await fakeBrowser.storage.local.get(SAVED_ADAPTERS_KEY))[SAVED_ADAPTERS_KEY] as typeof demoPortalAdapter[] | undefined;

describe('a pick started from the side panel', () => {
  it('saves the field’s new locator first, mirrors it for the content script, and says it takes effect at once', async () => {
    const text = await savePickedLocators({ adapterId: 'demo-portal', field: 'applicant.establishedOn', locators: [{ kind: 'label', value: '企业成立时间' }] });
    expect(text.zh).toBe('已保存新的字段定位：“成立日期”已对应到所选输入框，立即生效');
    expect(text.en).toBe('new locator saved: “Date of establishment” is now mapped to the picked input and takes effect at once');
    expect(text.zh).not.toContain('刷新');
    const saved = (await listAdapters()).map((r) => r.adapter as typeof demoPortalAdapter);
    expect(saved.map((a) => a.id)).toEqual(['demo-portal']);
    const first = (a: typeof demoPortalAdapter) => a.fields.find((f) => f.key === 'applicant.establishedOn')!.locators[0];
    expect(first(saved[0]!)).toEqual({ kind: 'label', text: '企业成立时间', precision: 'normalized' });
    expect((await mirrored())!.map(first)).toEqual([{ kind: 'label', text: '企业成立时间', precision: 'normalized' }]);
  });

  it('an unknown field is refused with a zh + en message naming it, and nothing is saved or mirrored', async () => {
    const text = await savePickedLocators({ adapterId: 'demo-portal', field: 'applicant.nope', locators: [{ kind: 'label', value: 'x' }] });
    expect(text.zh).toContain('没有字段');
    expect(text.zh).toContain('applicant.nope');
    expect(text.en).toContain('has no field');
    expect(await listAdapters()).toEqual([]);
    expect(await mirrored()).toBeUndefined();
  });

  it('an unknown adapter is refused in zh + en and nothing is saved', async () => {
    const text = await savePickedLocators({ adapterId: 'no-such-portal', field: 'applicant.establishedOn', locators: [{ kind: 'label', value: 'x' }] });
    expect(text).toEqual({ zh: '未找到适配器“no-such-portal”，定位未保存', en: 'adapter “no-such-portal” not found; locator not saved' });
    expect(await listAdapters()).toEqual([]);
  });
});
