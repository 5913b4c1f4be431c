import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazySlot } from '../../../src/ui/panel/LazySlot.tsx';
import { lang } from '../../../src/ui/lang.ts';

afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

const name = { zh: '自评工具', en: 'the self-evaluation' };
const Hello = ({ who }: { who: string }) => <p>你好 {who}</p>;

describe('LazySlot', () => {
  it('shows the loading note, then the loaded component with its props (control)', async () => {
    render(<LazySlot loaders={{ a: async () => ({ default: Hello }) }} props={{ who: '甲' }} name={name} />);
    expect(screen.getByTestId('slot-loading').textContent).toContain('自评工具正在加载…');
    await screen.findByText('你好 甲');
    expect(screen.queryByTestId('slot-loading')).toBeNull();
    expect(screen.queryByTestId('slot-failed')).toBeNull();
  });

  it('a module that fails to load says so in the chosen language, through errorText (no library text), instead of loading forever', async () => {
    lang.value = 'zh';
    render(<LazySlot loaders={{ a: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: chunk-1.js')) }} props={{ who: '甲' }} name={name} />);
    const failed = await screen.findByTestId('slot-failed');
    expect(failed.getAttribute('role')).toBe('alert');
    expect(failed.textContent).toContain('自评工具暂时无法使用');
    expect(failed.textContent).toContain('页面的一部分没有加载成功');
    expect(failed.textContent).not.toMatch(/Failed to fetch|unavailable|error|Retry/);
    expect(screen.queryByTestId('slot-loading')).toBeNull();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('in English the failure screen is English only', async () => {
    lang.value = 'en';
    render(<LazySlot loaders={{ a: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: chunk-1.js')) }} props={{ who: '甲' }} name={name} />);
    const failed = await screen.findByTestId('slot-failed');
    expect(failed.textContent).toContain('The self-evaluation is unavailable');
    expect(failed.textContent).toContain('Part of this page did not load');
    expect(failed.textContent).not.toMatch(/[\u3400-\u9fff]|Failed to fetch/);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('retry loads the module again; a second success mounts it', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('network down')).mockResolvedValueOnce({ default: Hello });
    render(<LazySlot loaders={{ a: loader }} props={{ who: '乙' }} name={name} />);
    await screen.findByTestId('slot-failed');
    fireEvent.click(screen.getByTestId('slot-retry'));
    await screen.findByText('你好 乙');
    expect(loader).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('slot-failed')).toBeNull();
  });

  it('a module without a default component is unavailable, not loading', async () => {
    lang.value = 'en';
    render(<LazySlot loaders={{ a: async () => ({ named: Hello }) }} props={{ who: '甲' }} name={name} />);
    expect((await screen.findByTestId('slot-failed')).textContent).toContain('the module has no default component');
  });

  it('an area missing from this build is unavailable, with no pointless retry button', async () => {
    render(<LazySlot loaders={{}} props={{}} name={name} />);
    expect((await screen.findByTestId('slot-failed')).textContent).toContain('本版本不含这部分功能');
    expect(screen.queryByTestId('slot-retry')).toBeNull();
  });

  it('a component that throws while rendering is caught: the error and a retry, not a blank panel', async () => {
    let broken = true;
    const Flaky = () => {
      if (broken) throw new Error('cannot read the workbook');
      return <p>自评表</p>;
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<LazySlot loaders={{ a: async () => ({ default: Flaky }) }} props={{}} name={name} />);
    const failed = await screen.findByTestId('slot-failed');
    expect(failed.textContent).toContain('发生了意外错误');
    expect(failed.textContent).not.toContain('cannot read the workbook');
    broken = false;
    fireEvent.click(screen.getByTestId('slot-retry'));
    await waitFor(() => expect(screen.getByText('自评表')).toBeTruthy());
    spy.mockRestore();
  });
});
