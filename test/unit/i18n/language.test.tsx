import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { VerdictBanner } from '../../../src/ui/panel/VerdictBanner.tsx';
import { lianyungang2021 } from '../../../src/awards/index.ts';
import { EmptyState } from '../../../src/ui/panel/EmptyState.tsx';
import { lang, ownPrefs } from '../../../src/ui/lang.ts';

const CJK = /[\u3400-\u9fff]/;

describe('one language at a time on the panel (issue 13)', () => {
  afterEach(() => {
    cleanup();
    ownPrefs.value = { language: 'both', focusTips: true };
  });
  it('中文: no English sentence beside the Chinese', () => {
    ownPrefs.value = { language: 'zh', focusTips: true };
    expect(lang.value).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    const { container } = render(<><VerdictBanner verdict="incomplete" pack={lianyungang2021} counts={{ pass: 3, fail: 0, needs: 2 }} /><EmptyState /></>);
    expect(container.textContent).toContain('待补充');
    expect(container.textContent).toContain('待补充 2 条');
    expect(container.textContent).not.toMatch(/Incomplete|Options|portal/);
  });
  it('English: no Chinese sentence (the brand mark aside)', () => {
    ownPrefs.value = { language: 'en', focusTips: true };
    expect(document.documentElement.lang).toBe('en');
    const { container } = render(<><VerdictBanner verdict="ineligible" pack={lianyungang2021} counts={{ pass: 3, fail: 1, needs: 2 }} /><EmptyState /></>);
    expect(container.textContent).toContain('Not eligible yet');
    expect(container.textContent).toContain('1 not met');
    const text = [...container.querySelectorAll('*:not([aria-hidden="true"])')].filter((e) => e.children.length === 0).map((e) => e.textContent ?? '').join(' ');
    expect(text).not.toMatch(CJK);
  });
  it('中英对照: both, Chinese first', () => {
    ownPrefs.value = { language: 'both', focusTips: true };
    const { container } = render(<VerdictBanner verdict="eligible" pack={lianyungang2021} />);
    const t = container.textContent ?? '';
    expect(t.indexOf('可以申报')).toBeGreaterThanOrEqual(0);
    expect(t.indexOf('Eligible to apply')).toBeGreaterThan(t.indexOf('可以申报'));
  });
});
