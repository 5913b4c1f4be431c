import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import AdapterSection, { SAVED_ADAPTERS_KEY } from '../../../src/ui/options/AdapterSection.tsx';
import { applyPickedLocators } from '../../../src/portal/apply-picked.ts';
import { demoPortalAdapter } from '../../../src/portal/demo-adapter.ts';
import { clearAnchorMisses, deleteAdapter, listAdapters, recordAnchorMiss } from '../../../src/storage/repos.ts';

beforeEach(async () => {
  fakeBrowser.reset();
  for (const a of await listAdapters()) await deleteAdapter(a.id);
  await clearAnchorMisses();
});
afterEach(cleanup);

describe('applyPickedLocators', () => {
  it('puts the picked locators first for that field and keeps the old ones after, validated', () => {
    const next = applyPickedLocators(demoPortalAdapter, 'applicant.establishedOn', [
      { kind: 'label', value: '企业成立时间' },
      { kind: 'path', value: '#app > form > div:nth-of-type(3) > input' },
      { kind: 'unknown', value: 'x' },
    ]).adapter;
    const f = next.fields.find((x) => x.key === 'applicant.establishedOn')!;
    expect(f.locators.slice(0, 2)).toEqual([
      { kind: 'label', text: '企业成立时间', precision: 'normalized' },
      { kind: 'path', css: '#app > form > div:nth-of-type(3) > input' },
    ]);
    expect(f.locators).toContainEqual({ kind: 'label', text: '成立日期', precision: 'normalized' });
    // Other fields untouched; a pick that yields nothing usable changes nothing.
    expect(next.fields.find((x) => x.key === 'applicant.name')).toEqual(demoPortalAdapter.fields.find((x) => x.key === 'applicant.name'));
    expect(applyPickedLocators(demoPortalAdapter, 'applicant.name', [{ kind: 'bogus', value: 'x' }])).toMatchObject({ ok: false, adapter: demoPortalAdapter });
    // applicant.name has one entry per kind (单位名称 / 姓名): only the one being picked changes.
    const ind = applyPickedLocators(demoPortalAdapter, 'applicant.name', [{ kind: 'label', value: '申报人姓名' }], 'individual').adapter;
    const names = ind.fields.filter((x) => x.key === 'applicant.name');
    expect(names.find((x) => x.applicantKind === 'individual')!.locators[0]).toEqual({ kind: 'label', text: '申报人姓名', precision: 'normalized' });
    expect(names.find((x) => x.applicantKind === 'organization')!.locators[0]).toEqual({ kind: 'label', text: '单位名称', precision: 'normalized' });
    expect(applyPickedLocators(demoPortalAdapter, 'applicant.nope', [{ kind: 'label', value: 'x' }])).toMatchObject({ ok: false, adapter: demoPortalAdapter });
  });
});

describe('AdapterSection', () => {
  it('lists the shipped demo adapter with its fields and their locators', async () => {
    render(<AdapterSection />);
    await screen.findByText('demo-portal');
    expect(screen.getByText('内置')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /字段 Fields/ }));
    const row = await waitFor(() => {
      const r = document.querySelector('tr[data-field="applicant.establishedOn"]');
      if (!r) throw new Error('no row');
      return r;
    });
    expect(row.textContent).toContain('成立日期');
    expect(row.textContent).toContain('Date of establishment');
    expect(row.textContent).toContain('标签 label“成立日期”');
    expect(row.querySelector('button')!.textContent).toContain('在页面上选取');
    expect(row.querySelector('button')!.textContent).toContain('Pick on page');
  });

  it('a bad import shows bilingual errors naming the field and writes nothing', async () => {
    render(<AdapterSection />);
    await screen.findByText('demo-portal');
    const bad = structuredClone(demoPortalAdapter) as unknown as { fields: Array<{ key: string }> };
    bad.fields[0]!.key = 'not a path';
    fireEvent.input(screen.getByLabelText(/粘贴适配器 JSON/), { target: { value: JSON.stringify(bad) } });
    fireEvent.click(screen.getByRole('button', { name: /导入 Import/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('导入失败，未做任何更改');
    expect(alert.textContent).toContain('Import failed; nothing was changed');
    expect(alert.textContent).toContain('fields.0.key');
    expect(await listAdapters()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(SAVED_ADAPTERS_KEY)).toEqual({});
  });

  it('a good import is saved, listed as saved, and mirrored for the content script', async () => {
    render(<AdapterSection />);
    await screen.findByText('demo-portal');
    const edited = { ...structuredClone(demoPortalAdapter), version: '2026.2' };
    fireEvent.input(screen.getByLabelText(/粘贴适配器 JSON/), { target: { value: JSON.stringify(edited) } });
    fireEvent.click(screen.getByRole('button', { name: /导入 Import/ }));
    // it has the shipped adapter's id: replacing it is asked first (issue 15)
    fireEvent.click(await screen.findByRole('button', { name: /确认替换/ }));
    await screen.findByText('2026.2');
    expect(screen.getByText('已保存（可修改）')).toBeTruthy();
    expect((await listAdapters()).map((r) => r.id)).toEqual(['demo-portal']);
    const mirrored = (await fakeBrowser.storage.local.get(SAVED_ADAPTERS_KEY))[SAVED_ADAPTERS_KEY] as Array<{ version: string }>;
    expect(mirrored.map((a) => a.version)).toEqual(['2026.2']);
  });

  it('an import that would replace the shipped adapter asks first; cancelling writes nothing (issue 15)', async () => {
    render(<AdapterSection />);
    await screen.findByText('demo-portal');
    const edited = { ...structuredClone(demoPortalAdapter), version: '2026.9' };
    fireEvent.input(screen.getByLabelText(/粘贴适配器 JSON/), { target: { value: JSON.stringify(edited) } });
    fireEvent.click(screen.getByRole('button', { name: /导入 Import/ }));
    const ask = await screen.findByTestId('adapter-replace-confirm');
    expect(ask.textContent).toContain('内置');
    expect(await listAdapters()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /取消/ }));
    await waitFor(() => expect(screen.queryByTestId('adapter-replace-confirm')).toBeNull());
    expect(await listAdapters()).toEqual([]);
    expect(screen.queryByText('2026.9')).toBeNull();
  });

  it('shows the anchor-miss report, newest first, and clears it', async () => {
    await recordAnchorMiss({ adapterId: 'demo-portal', field: 'applicant.establishedOn', url: 'http://127.0.0.1:5175/app/apply/a/basic', tried: ['status:ambiguous', 'label(normalized):成立日期→2'] });
    render(<AdapterSection />);
    const row = await waitFor(() => {
      const r = document.querySelector('tr[data-miss="applicant.establishedOn"]');
      if (!r) throw new Error('no miss row');
      return r;
    });
    expect(row.textContent).toContain('成立日期');
    expect(row.textContent).toContain('label(normalized):成立日期→2');
    expect(row.textContent).toContain('127.0.0.1:5175/app/apply/a/basic');
    fireEvent.click(screen.getByRole('button', { name: /清空记录/ }));
    await screen.findByText('暂无记录。');
  });
});
