import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileEditor } from '../../../entrypoints/options/ProfileEditor.tsx';
import { PROFILE_DRAFT_SETTING } from '../../../entrypoints/options/profile-form.ts';
import { PROFILE_ID } from '../../../src/messaging/profile.ts';
import { getProfile, getSetting } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);
afterEach(cleanup);

const nameInput = () => screen.getByLabelText(/^名称\/姓名/) as HTMLInputElement;
const typeInto = (el: HTMLInputElement, value: string) => fireEvent.input(el, { target: { value } });

describe('ProfileEditor: nothing typed is lost', () => {
  it('typing without saving is kept as a draft; reopening the page restores it and says so', async () => {
    render(<ProfileEditor />);
    await waitFor(() => expect(nameInput()).toBeTruthy());
    typeInto(nameInput(), '连云港未保存有限公司');
    await waitFor(async () => expect(await getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({ 'applicant.name': '连云港未保存有限公司' }), { timeout: 10_000 });
    expect(await getProfile(PROFILE_ID)).toBeUndefined(); // a draft, not a saved profile
    cleanup();

    render(<ProfileEditor />);
    await waitFor(() => expect(screen.getByTestId('profile-restored').textContent).toContain('已恢复上次未保存的修改'));
    expect(nameInput().value).toBe('连云港未保存有限公司');
  });

  it('saving stores the profile and clears the draft; a bad value is refused by name and the text stays', async () => {
    render(<ProfileEditor />);
    await waitFor(() => expect(nameInput()).toBeTruthy());
    typeInto(nameInput(), '连云港示范精工有限公司');
    const code = screen.getByLabelText(/^统一社会信用代码/) as HTMLInputElement;
    typeInto(code, '91320700MA1NXQ0BX8');
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(screen.getAllByRole('alert')[0]!.textContent).toContain('统一社会信用代码'));
    expect(code.value).toBe('91320700MA1NXQ0BX8'); // what was typed stays, to be fixed
    expect(await getProfile(PROFILE_ID)).toBeUndefined();

    typeInto(code, '91320700MA1NXQ0BX9');
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(screen.getByText(/已保存/)).toBeTruthy());
    expect((await getProfile(PROFILE_ID))?.data).toMatchObject({ 'applicant.name': '连云港示范精工有限公司', 'applicant.creditCode': '91320700MA1NXQ0BX9' });
    expect(await getSetting(PROFILE_DRAFT_SETTING)).toBeNull();
    cleanup();

    render(<ProfileEditor />);
    await waitFor(() => expect(nameInput().value).toBe('连云港示范精工有限公司'));
    expect(screen.queryByTestId('profile-restored')).toBeNull();
  });

  it('放弃修改 brings back the saved profile and drops the draft', async () => {
    render(<ProfileEditor />);
    await waitFor(() => expect(nameInput()).toBeTruthy());
    typeInto(nameInput(), '已保存的名称');
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(screen.getByText(/已保存/)).toBeTruthy());
    typeInto(nameInput(), '改了一半');
    await waitFor(async () => expect(await getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({ 'applicant.name': '改了一半' }), { timeout: 10_000 });
    cleanup();

    render(<ProfileEditor />);
    await waitFor(() => expect(screen.getByTestId('profile-restored')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: /放弃修改/ }));
    expect(nameInput().value).toBe('已保存的名称');
    await waitFor(async () => expect(await getSetting(PROFILE_DRAFT_SETTING)).toBeNull());
  });
});
