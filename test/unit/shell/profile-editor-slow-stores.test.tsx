// Issue 19: the options page loads the profile's stores on demand. A crash test once lost everything typed before
// they arrived (the editor wrote nothing until then). These tests hold the stores back on purpose.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileEditor, type ProfileStores } from '../../../entrypoints/options/ProfileEditor.tsx';
import { HELD_TYPING_DB, writeHeldTyping } from '../../../entrypoints/options/held-typing.ts';
import { emptyProfileForm, PROFILE_DRAFT_SETTING } from '../../../entrypoints/options/profile-form.ts';
import { PROFILE_ID } from '../../../src/messaging/profile.ts';
import * as repos from '../../../src/storage/repos.ts';
import { DB_NAME, DB_VERSION } from '../../../src/storage/db.ts';
import { AUTOSAVE } from '../../../src/ui/autosave.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);
afterEach(cleanup);

/** The real stores, handed out only once `release()` is called (a slow on-demand load). */
function slowStores() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let asked = 0;
  const stores = async (): Promise<ProfileStores> => {
    asked++;
    await gate;
    return repos;
  };
  return { stores, release, asked: () => asked };
}

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const nameInput = () => input(/^名称\/姓名/);
const typeInto = (el: HTMLInputElement, value: string) => fireEvent.input(el, { target: { value } });
const saveButton = () => screen.getByRole('button', { name: /保存/ }) as HTMLButtonElement;

const STORED = { 'applicant.name': '旧名称', 'applicant.creditCode': '91320700MA1NXQ0BX9', 'applicant.region': ['江苏省', '连云港市'] };

describe('ProfileEditor with stores that arrive late', () => {
  it('typing before the stores arrive is on disk within one autosave interval, merged over the stored profile when the page opens again', async () => {
    await repos.saveProfile({ id: PROFILE_ID, data: STORED });
    // an earlier session's unsaved draft: the held typing is merged into it field by field, not over it
    await repos.setSetting(PROFILE_DRAFT_SETTING, { ...emptyProfileForm, ...STORED, 'applicant.exporter': 'yes', 'applicant.name': '草稿名称' });
    const slow = slowStores();
    render(<ProfileEditor stores={slow.stores} />);
    expect(screen.getByTestId('profile-editor').getAttribute('aria-busy')).toBe('true');
    typeInto(nameInput(), '新名称');
    typeInto(input(/^所在地区：第 3 级/), '海州区');
    // the stores never arrive in this page's life: the held typing is written anyway
    await waitFor(async () => expect(await repos.getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({ 'applicant.name': '新名称' }), {
      timeout: AUTOSAVE.maxWaitMs + 3000,
    });
    expect(await repos.getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({
      'applicant.name': '新名称',
      'applicant.exporter': 'yes', // the earlier draft's field stays
      'applicant.region': ['', '', '海州区'], // as typed: a gap is refused by name on Save, never filled in silently
    });
    expect((await repos.getProfile(PROFILE_ID))?.data).toEqual(STORED); // a draft, nothing saved
    cleanup(); // the page dies before its stores arrived

    render(<ProfileEditor />);
    await waitFor(() => expect(screen.getByTestId('profile-restored')).toBeTruthy());
    expect(nameInput().value).toBe('新名称');
    expect(input(/^统一社会信用代码/).value).toBe(STORED['applicant.creditCode']);
    expect(screen.getByTestId('profile-editor').getAttribute('aria-busy')).toBe('false');
  });

  it('when the stores arrive, typed fields win, the stored profile fills the rest, and the draft is written at once', async () => {
    await repos.saveProfile({ id: PROFILE_ID, data: STORED });
    const slow = slowStores();
    render(<ProfileEditor stores={slow.stores} />);
    typeInto(nameInput(), '新名称');
    expect(saveButton().disabled).toBe(true); // Save waits for the stored profile
    slow.release();
    await waitFor(() => expect(saveButton().disabled).toBe(false));
    expect(nameInput().value).toBe('新名称');
    expect(input(/^统一社会信用代码/).value).toBe(STORED['applicant.creditCode']);
    expect(input(/^所在地区：第 2 级/).value).toBe('连云港市');
    await waitFor(async () =>
      expect(await repos.getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({ 'applicant.name': '新名称', 'applicant.creditCode': STORED['applicant.creditCode'] }),
    );
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByText(/已保存/)).toBeTruthy());
    expect((await repos.getProfile(PROFILE_ID))?.data).toMatchObject({ ...STORED, 'applicant.name': '新名称' });
  });
});

describe('held typing writer', () => {
  it('names the database and version the stores use', () => {
    expect(HELD_TYPING_DB.name).toBe(DB_NAME);
    expect(HELD_TYPING_DB.version).toBe(DB_VERSION);
  });

  it('never creates a database that does not exist yet (the stores create it with its stores)', async () => {
    const wrote = await writeHeldTyping(PROFILE_DRAFT_SETTING, { ...emptyProfileForm, 'applicant.name': 'x' }, ['applicant.name']);
    expect(wrote).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(DB_NAME);
    // the stores then open and create it as usual
    await repos.setSetting('probe', 1);
    expect(await repos.getSetting('probe')).toBe(1);
  });

  it('writes nothing when nothing was typed', async () => {
    await repos.setSetting('probe', 1);
    expect(await writeHeldTyping(PROFILE_DRAFT_SETTING, emptyProfileForm, [])).toBe(false);
    expect(await repos.getSetting(PROFILE_DRAFT_SETTING)).toBeUndefined();
  });
});
