import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileEditor } from '../../../entrypoints/options/ProfileEditor.tsx';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { chineseLeft } from './one-language.ts';

beforeEach(freshDb);
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

/** The profile in one language (issue 13): its select options, placeholders and accessible names too. */
describe('the profile editor in one language', () => {
  it('in English: no Chinese in options, placeholders, hints or labels', async () => {
    lang.value = 'en';
    const { container } = render(<ProfileEditor />);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false));
    expect(chineseLeft(container)).toEqual([]);
  });
  it('in Chinese: no English beside the Chinese in options and placeholders', async () => {
    lang.value = 'zh';
    const { container } = render(<ProfileEditor />);
    await waitFor(() => expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(false));
    const options = [...container.querySelectorAll('option')].map((o) => o.textContent ?? '');
    expect(options.filter((o) => /[A-Za-z]{3,}/.test(o))).toEqual([]);
    const placeholders = [...container.querySelectorAll('[placeholder]')].map((e) => e.getAttribute('placeholder')!);
    expect(placeholders.filter((p) => /[\u3400-\u9fff]/.test(p) && /[A-Za-z]{3,}/.test(p))).toEqual([]);
  });
});
