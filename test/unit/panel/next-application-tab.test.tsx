// Issue 16, Deliver 4: 进度 shows a Lianyungang winner the offer to start the Jiangsu Governor award
// application (第十二条); one click writes one draft recording the Jiangsu award and version.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { replayCase } from '../../../src/cases/index.ts';
import { lianyungang2021 } from '../../../src/awards/index.ts';
import { StatusTab } from '../../../src/ui/panel/StatusTab.tsx';
import type { NextDraft } from '../../../src/ui/panel/provincial.ts';
import { lang } from '../../../src/ui/lang.ts';
import { chineseLeft } from '../ui/one-language.ts';
import { awardedLog } from '../cases/awarded-log.ts';

afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

const awarded: unknown[] = [...awardedLog];

function setup(events: unknown[]) {
  const saved: NextDraft[] = [];
  const store = {
    getProfile: async () => ({ data: { 'applicant.name': 'Acme Ltd' } }),
    listSelfEvaluations: async () => [{ id: 'se-2025' }, { id: 'se-2026' }],
    getDraft: async (id: string) => saved.find((d) => d.id === id),
    saveDraft: async (d: NextDraft) => void saved.push(d),
  };
  const view = replayCase(events as never, { policy: lianyungang2021 as never });
  const record = { id: 'c1', year: 2026, kind: 'organization', applicantName: 'Acme Ltd', createdAt: '2026-03-01T00:00:00Z', award: { awardId: 'lianyungang-mayor', versionId: '2021' } } as const;
  const root = render(
    <StatusTab cases={[record as never]} current={{ record: record as never, view, eventCount: events.length, pack: lianyungang2021 as never }} onSelect={() => undefined} store={store} today={() => '2026-10-01'} />,
  ).container;
  return { root, saved };
}

describe('进度: a winner is offered the provincial application (第十二条)', () => {
  it('offers it, and one click saves one draft under the Jiangsu award with the rounds', async () => {
    const { root, saved } = setup(awarded);
    const offer = root.querySelector('[data-testid="next-application"]')!;
    expect(offer.textContent).toContain('第十二条');
    expect(offer.textContent).toContain('江苏省省长质量奖');
    fireEvent.click(screen.getByTestId('next-application-start'));
    const started = await screen.findByTestId('next-application-started');
    expect(started.textContent).toContain('2 轮自评');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.award).toEqual({ awardId: 'jiangsu-governor', versionId: '2023' });
    expect(screen.queryByTestId('next-application-start')).toBeNull();
  });

  it('no offer while the case is still under review', () => {
    const { root } = setup(awarded.slice(0, 7));
    expect(root.querySelector('[data-testid="next-application"]')).toBeNull();
  });

  it('in English, no Chinese on the offer', () => {
    lang.value = 'en';
    const { root } = setup(awarded);
    expect(chineseLeft(root.querySelector('[data-testid="next-application"]')!)).toEqual([]);
  });
});
