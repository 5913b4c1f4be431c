// Issue 15, item 6: the tab whose reading went to a draft of its own is told so in the panel; the tab
// that writes the shared draft is not.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { draftIdFor, isTabDraftId, tabDraftIdFor } from '../../../src/messaging/draft-ids.ts';
import { OwnTabDraftNotice } from '../../../src/ui/panel/OwnTabDraft.tsx';
import { lang } from '../../../src/ui/lang.ts';

afterEach(() => { cleanup(); lang.value = 'zh'; });

describe('own-tab draft notice', () => {
  it('a tab draft id is recognised; the shared draft id and nothing else is', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9-]{1,40}$/), fc.integer({ min: 0, max: 2 ** 31 }), (adapter, tab) => {
      expect(isTabDraftId(tabDraftIdFor(adapter, tab))).toBe(true);
      expect(isTabDraftId(draftIdFor(adapter))).toBe(false);
    }));
    for (const other of [null, undefined, '', 'portal/x#tab-', 'self-evaluation#tab-3', 'portal/x#tab-3 ']) expect(isTabDraftId(other)).toBe(false);
  });

  it('the panel says why this tab’s entries are kept apart, in the chosen language', () => {
    lang.value = 'zh';
    render(<OwnTabDraftNotice draftId={tabDraftIdFor('demo-portal', 7)} />);
    expect(screen.getByTestId('own-tab-draft').textContent).toContain('另一个标签页也在填写这份申报表');
    expect(screen.getByRole('status').textContent).not.toMatch(/[A-Za-z]{4}/);
    cleanup();
    lang.value = 'en';
    render(<OwnTabDraftNotice draftId={tabDraftIdFor('demo-portal', 7)} />);
    expect(screen.getByTestId('own-tab-draft').textContent).toContain('Another tab is filling in this form too');
  });

  it('nothing is said for the shared draft or no draft', () => {
    render(<OwnTabDraftNotice draftId={draftIdFor('demo-portal')} />);
    render(<OwnTabDraftNotice draftId={null} />);
    expect(screen.queryByTestId('own-tab-draft')).toBeNull();
  });
});
