// A scorebook chosen on the office's consensus page before its cases have loaded (a quick clerk, a slow machine,
// or the page's code arriving on demand) is matched against the loaded cases, not refused as "no such case".
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCase } from '../../../src/storage/index.ts';
import { exportScorebook } from '../../../src/experts/index.ts';
import { lang } from '../../../src/ui/lang.ts';
import { freshDb } from '../storage/fresh-db.ts';
import { book } from './helpers.ts';

const slowCases = vi.hoisted(() => ({ release: null as null | (() => void) }));
vi.mock('../../../src/storage/repos.ts', async (original) => {
  const real = await original<typeof import('../../../src/storage/repos.ts')>();
  // the cases' read is held until the test lets it go, as on a busy machine
  return { ...real, listCases: async () => { await new Promise<void>((r) => (slowCases.release = r)); return real.listCases(); } };
});
const { Office } = await import('../../../src/ui/experts/Office.tsx');

beforeEach(async () => {
  await freshDb();
  lang.value = 'zh';
});
afterEach(cleanup);

describe('office scorebook import before the cases are in', () => {
  it('a file chosen while the cases are still being read is previewed against them once they are in', async () => {
    const a = book('a', { '4.1.2': 50 });
    await createCase({ id: a.subject.caseId ?? 'case-1', year: a.subject.year, kind: 'organization', applicantName: a.subject.applicantName });
    const text = JSON.stringify(await exportScorebook(a));
    const { container } = render(<Office />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([text], 'sb.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(slowCases.release).not.toBeNull());
    slowCases.release!();
    const confirm = await screen.findByRole('button', { name: /确认导入 1 份/ });
    expect(confirm).toBeTruthy();
    expect(screen.queryByText(/找不到与评分册对应的案件/)).toBeNull();
  });
});
