import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { replayCase } from '../../../src/cases/index.ts';
import { lianyungang2021 } from '../../../src/awards/lianyungang-mayor/2021.ts';
import { StatusTab } from '../../../src/ui/panel/StatusTab.tsx';
import { lang } from '../../../src/ui/lang.ts';
import { chineseLeft, englishLeft } from './one-language.ts';

/**
 * 进度 (side panel), one language at a time (issue 13): the surfaces e2e found "当前环节：已获奖", the stepper's stage
 * names and their 第十条（一） citations in Chinese with English chosen. The applicant's name is data (in the
 * browser marked translate="no", which happy-dom does not render): here written in the language shown.
 */
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

function renderCase(name: string, otherName: string) {
  const events = [{ type: 'apply', on: '2026-03-01', kind: 'organization' }] as const;
  const view = replayCase(events as never, { policy: lianyungang2021 as never });
  const record = { id: 'c1', year: 2026, kind: 'organization', applicantName: name, createdAt: '2026-03-01T00:00:00Z', award: { awardId: 'lianyungang-mayor', versionId: '2021' } } as const;
  const other = { ...record, id: 'c2', applicantName: otherName };
  return render(<StatusTab cases={[record as never, other as never]} current={{ record: record as never, view, eventCount: 2, pack: lianyungang2021 as never }} onSelect={() => undefined} />).container;
}

describe('进度 says its stages in one language', () => {
  it('English: no Chinese (current stage, every step, its citation, the case picker)', () => {
    lang.value = 'en';
    const root = renderCase('Acme Ltd', 'Other Co');
    expect(root.textContent).toContain('Now: ');
    expect(chineseLeft(root)).toEqual([]);
  });
  it('Chinese: no English words', () => {
    lang.value = 'zh';
    const root = renderCase('示例制造有限公司', '另一家公司');
    expect(root.textContent).toContain('当前环节：');
    expect(englishLeft(root)).toEqual([]);
  });
});
