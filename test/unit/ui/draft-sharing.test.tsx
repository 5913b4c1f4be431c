// The per-draft sharing choice on the options page (issue 20, Deliver 2): off for every draft until the
// person ticks it; the text says who will see it and what turning it off means.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { saveDraft } from '../../../src/storage/repos.ts';
import { isDraftShared, sharedDraftIds } from '../../../src/sharing/draft-choice.ts';
import { DraftSharing } from '../../../src/ui/options/DraftSharing.tsx';
import { freshDb } from '../storage/fresh-db.ts';
import { chineseLeft } from './one-language.ts';

beforeEach(freshDb);
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

describe('sharing a draft is a choice per draft (issue 20)', () => {
  it("on an applicant's own database the text says the office's clerks will see it", async () => {
    lang.value = 'zh';
    await saveDraft({ id: 'd0', application: { applicantName: '连云港甲公司' } });
    render(<DraftSharing database="award-applicant-e8bf9e" />);
    await screen.findByTestId('share-draft-d0');
    expect(screen.getByTestId('draft-sharing').textContent).toContain('评奖办公室的科员可以看到');
    lang.value = 'en';
    await waitFor(() => expect(screen.getByTestId('draft-sharing').textContent).toContain('the award office’s clerks can read it'));
  });

  it('every draft starts unshared; the text names who would see it', async () => {
    await saveDraft({ id: 'd1', application: { applicantName: '连云港甲公司' } });
    await saveDraft({ id: 'd2', application: { applicantName: '连云港乙公司' } });
    render(<DraftSharing database="award-office" />);
    const boxes = [await screen.findByTestId('share-draft-d1'), await screen.findByTestId('share-draft-d2')] as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([false, false]);
    expect(screen.getByTestId('draft-sharing').textContent).toContain('“award-office”数据库的使用者');
    expect(await sharedDraftIds()).toEqual([]);
  });

  it('ticked, the draft is shared; unticked, it stops and says the copy already sent stays on the server', async () => {
    await saveDraft({ id: 'd3', application: { applicantName: '连云港丙公司' } });
    render(<DraftSharing />);
    const box = (await screen.findByTestId('share-draft-d3')) as HTMLInputElement;
    fireEvent.click(box);
    await waitFor(async () => expect(await isDraftShared('d3')).toBe(true));
    expect((await screen.findByTestId('draft-sharing-message')).textContent).toContain('已开始共享“连云港丙公司”');
    fireEvent.click(box);
    await waitFor(async () => expect(await isDraftShared('d3')).toBe(false));
    await waitFor(() => expect(screen.getByTestId('draft-sharing-message').textContent).toContain('已经发到服务器上的那一份仍在服务器上'));
  });

  it('in English, nothing Chinese but the draft names', async () => {
    lang.value = 'en';
    render(<DraftSharing />);
    await screen.findByTestId('draft-sharing-none');
    expect(chineseLeft(screen.getByTestId('draft-sharing'))).toEqual([]);
  });
});
