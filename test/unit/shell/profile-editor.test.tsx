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
const saveButton = () => screen.getByRole('button', { name: /保存/ }) as HTMLButtonElement;
/** the editor is ready once the stored profile has been read (Save is enabled then) */
const ready = () => waitFor(() => expect(saveButton().disabled).toBe(false));
const typeInto = (el: HTMLInputElement, value: string) => fireEvent.input(el, { target: { value } });

describe('ProfileEditor: nothing typed is lost', () => {
  it('typing without saving is kept as a draft; reopening the page restores it and says so', async () => {
    render(<ProfileEditor />);
    await ready();
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
    await ready();
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
    await ready();
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

describe('ProfileEditor: the stored profile is never dropped', () => {
  it('typing before the stored profile arrives keeps the typed field and fills the others from storage', async () => {
    const { saveProfile } = await import('../../../src/storage/index.ts');
    await saveProfile({ id: PROFILE_ID, data: { 'applicant.name': '旧名称', 'applicant.creditCode': '91320700MA1NXQ0BX9' } });
    render(<ProfileEditor />);
    typeInto(nameInput(), '新名称'); // before the load resolves
    await ready();
    expect(nameInput().value).toBe('新名称');
    expect((screen.getByLabelText(/^统一社会信用代码/) as HTMLInputElement).value).toBe('91320700MA1NXQ0BX9');
  });

  it('text typed while a save is in flight stays a draft, not counted as saved', async () => {
    render(<ProfileEditor />);
    await ready();
    typeInto(nameInput(), '保存的名称');
    fireEvent.click(saveButton());
    typeInto(nameInput(), '保存后又改的名称'); // during the strict write
    await waitFor(() => expect(screen.getByText(/已保存/)).toBeTruthy());
    expect((await getProfile(PROFILE_ID))?.data).toMatchObject({ 'applicant.name': '保存的名称' });
    await waitFor(async () => expect(await getSetting(PROFILE_DRAFT_SETTING)).toMatchObject({ 'applicant.name': '保存后又改的名称' }), { timeout: 10_000 });
  });

  it('a profile that cannot be read is not shown as empty: an alert in both languages, and Save stays off', async () => {
    const broken = {
      open() {
        throw new DOMException('disk I/O error', 'UnknownError');
      },
    };
    globalThis.indexedDB = broken as unknown as IDBFactory;
    render(<ProfileEditor />);
    const alert = await screen.findByTestId('profile-load-failed');
    expect(alert.textContent).toContain('读取已保存的资料失败');
    expect(alert.textContent).toContain('could not be read');
    expect(saveButton().disabled).toBe(true);
  });
});

describe('ProfileEditor: 所属行业 and 所在地区 (issue 11)', () => {
  const industryInput = () => screen.getByLabelText(/^添加所属行业/) as HTMLInputElement;
  const level = (n: number) => screen.getByLabelText(new RegExp(`^所在地区：第 ${n} 级`)) as HTMLInputElement;

  it('industries are added by Enter, by 添加 and on leaving the box, removed by their button; the region is typed level by level; both are saved as lists', async () => {
    render(<ProfileEditor />);
    await ready();
    typeInto(industryInput(), '制造业');
    fireEvent.keyDown(industryInput(), { key: 'Enter' });
    typeInto(industryInput(), '服务业');
    fireEvent.click(screen.getByRole('button', { name: /^添加(\s|$)/ }));
    typeInto(industryInput(), '批发和零售业');
    fireEvent.blur(industryInput()); // typed, never added by hand: not lost
    expect(industryInput().value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: /^删除：服务业/ }));
    typeInto(level(1), '江苏省');
    typeInto(level(2), '连云港市');
    typeInto(level(3), '海州区');
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByText(/已保存/)).toBeTruthy());
    expect((await getProfile(PROFILE_ID))?.data).toMatchObject({
      'applicant.industry': ['制造业', '批发和零售业'],
      'applicant.region': ['江苏省', '连云港市', '海州区'],
    });
  });

  it('a stored profile shows its lists; a level left blank above a filled one is refused by name, nothing saved', async () => {
    const { saveProfile } = await import('../../../src/storage/index.ts');
    await saveProfile({ id: PROFILE_ID, data: { 'applicant.industry': ['制造业'], 'applicant.region': ['江苏省', '连云港市', '海州区', '某街道'] } });
    render(<ProfileEditor />);
    await ready();
    expect(screen.getByRole('button', { name: /^删除：制造业/ })).toBeTruthy();
    expect([1, 2, 3, 4].map((n) => level(n).value)).toEqual(['江苏省', '连云港市', '海州区', '某街道']);
    typeInto(level(2), '');
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getAllByRole('alert')[0]!.textContent).toContain('所在地区'));
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('第 2 级');
    expect((await getProfile(PROFILE_ID))?.data).toMatchObject({ 'applicant.region': ['江苏省', '连云港市', '海州区', '某街道'] });
  });
});
