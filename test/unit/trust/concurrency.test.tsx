// Issue 15 item 5 in the options page: two profile tabs no longer wipe each other's fields.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileEditor } from '../../../entrypoints/options/ProfileEditor.tsx';
import { PROFILE_ID } from '../../../src/messaging/profile.ts';
import { getProfile, saveProfile } from '../../../src/storage/index.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);
afterEach(cleanup);

describe('ProfileEditor: a stale tab cannot overwrite (issue 15 item 5)', () => {
  it('the other tab saved the name meanwhile: saving the credit code here is refused in Chinese, the view refreshes keeping both', async () => {
    render(<ProfileEditor />);
    const save = () => screen.getByRole('button', { name: /保存/ }) as HTMLButtonElement;
    await waitFor(() => expect(save().disabled).toBe(false));
    // the other options tab
    await saveProfile({ id: PROFILE_ID, data: { 'applicant.name': '另一标签页写的名称' } }, { expectedVersion: 0 });
    const code = screen.getByLabelText(/^统一社会信用代码/) as HTMLInputElement;
    fireEvent.input(code, { target: { value: '91320700MA1NXQ0BX9' } });
    fireEvent.click(save());
    await waitFor(() => expect(screen.getByTestId('profile-conflict').textContent).toContain('其他页面'));
    expect((await getProfile(PROFILE_ID))?.data).toEqual({ 'applicant.name': '另一标签页写的名称' });
    // the view now shows the other tab's name and still what was typed here
    expect((screen.getByLabelText(/^名称\/姓名/) as HTMLInputElement).value).toBe('另一标签页写的名称');
    expect(code.value).toBe('91320700MA1NXQ0BX9');
    fireEvent.click(save());
    await waitFor(async () => expect((await getProfile(PROFILE_ID))?.data).toMatchObject({ 'applicant.name': '另一标签页写的名称', 'applicant.creditCode': '91320700MA1NXQ0BX9' }));
  });
});
