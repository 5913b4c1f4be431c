// The draft-sharing choice in the applicant's side panel, beside the draft it concerns (issue 20,
// Deliver 2): the same box and words as the options page, off by default, shown only when sharing is set up.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../../src/ui/lang.ts';
import { saveDraft, getSetting } from '../../../src/storage/repos.ts';
import { saveSharingConfig, CONFIG_KEY } from '../../../src/sharing/config.ts';
import { isDraftShared, sharedDraftIds } from '../../../src/sharing/draft-choice.ts';
import DraftShare from '../../../src/ui/panel/DraftShare.tsx';
import { DraftSharing } from '../../../src/ui/options/DraftSharing.tsx';
import { freshDb } from '../storage/fresh-db.ts';
import { chineseLeft } from './one-language.ts';

const configure = () => saveSharingConfig({ url: 'https://couch.scjgj.lyg.gov.cn:6984', user: '王申报', password: 'pw', enabled: true });

beforeEach(async () => {
  await freshDb();
  lang.value = 'zh';
});
afterEach(() => {
  cleanup();
  lang.value = 'zh';
});

describe('sharing a draft from the side panel (issue 20)', () => {
  it('with sharing off, shows nothing and changes nothing', async () => {
    const { container } = render(<DraftShare draftId="portal/demo" name="连云港甲公司" />);
    await screen.findByTestId('panel-draft-sharing-off'); // the settings were read: sharing is off
    expect(container.textContent).toBe('');
    expect(container.querySelector('input')).toBeNull();
    expect(await getSetting(CONFIG_KEY)).toBeUndefined();
    expect(await sharedDraftIds()).toEqual([]);
  });

  it('with sharing set up: off by default, the same box and words as the options page; ticked, the draft is shared', async () => {
    await configure();
    await saveDraft({ id: 'portal/demo', application: { applicantName: '连云港甲公司' } });
    render(<DraftShare draftId="portal/demo" name="连云港甲公司" />);
    const box = (await screen.findByTestId('share-draft-portal/demo')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    const panelText = screen.getByTestId('panel-draft-sharing').textContent!;
    cleanup();
    render(<DraftSharing />);
    const optionsBox = await screen.findByTestId('share-draft-portal/demo');
    // one wording: the options page's intro and box label are the panel's
    expect(panelText).toContain(screen.getByTestId('draft-sharing').querySelector('p')!.textContent!);
    expect(panelText).toContain(optionsBox.closest('label')!.textContent!);
    cleanup();
    render(<DraftShare draftId="portal/demo" name="连云港甲公司" />);
    fireEvent.click(await screen.findByTestId('share-draft-portal/demo'));
    await waitFor(async () => expect(await isDraftShared('portal/demo')).toBe(true));
    expect((await screen.findByTestId('draft-sharing-message')).textContent).toContain('已开始共享“连云港甲公司”');
  });

  it('in English, nothing Chinese but the draft name', async () => {
    lang.value = 'en';
    await configure();
    render(<DraftShare draftId="portal/demo" name="连云港甲公司" />);
    await screen.findByTestId('share-draft-portal/demo');
    expect(chineseLeft(screen.getByTestId('panel-draft-sharing')).filter((s) => !s.includes('连云港甲公司'))).toEqual([]);
  });
});
