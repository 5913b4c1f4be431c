// Issue 15 item 7: one import policy — strict schemas, unknown keys refused by name, prototype keys
// never silently dropped, every refusal in natural Chinese, nothing written on refusal.
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportBackup, importBackup, readBackup, type BackupEnvelope } from '../../../src/storage/backup.ts';
import { canonicalJson, sha256Hex } from '../../../src/storage/canonical-json.ts';
import { getProfile, saveProfile } from '../../../src/storage/index.ts';
import { safeParseBilingual } from '../../../src/core/zod-text.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(freshDb);

async function reseal(envelope: BackupEnvelope | Record<string, any>) {
  return { ...envelope, sha256: await sha256Hex(canonicalJson(envelope.data)) };
}
/** Chinese text with no English sentence from a library in it (field paths and keys are allowed). */
const LIBRARY_ENGLISH = /Invalid input|Unrecognized key|Too big|Too small|expected|received|Invalid/;

async function profileBackup(data: unknown) {
  await saveProfile({ id: 'default', data: { 'applicant.name': '连云港甲公司' } });
  const backup = await exportBackup();
  (backup.data.profiles![0] as { data: unknown }).data = data;
  return reseal(backup);
}

describe('imports: one policy (issue 15 item 7)', () => {
  it('a backup whose profile has wrong types is refused, naming the field in Chinese, and nothing changes', async () => {
    const bad = await profileBackup({ 'applicant.name': 12345, 'applicant.registeredTrademarks': 'many' });
    const r = await readBackup(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    const zh = r.ok ? '' : r.errors.map((e) => e.message.zh).join('\n');
    expect(zh).toContain('applicant.name');
    expect(zh).not.toMatch(LIBRARY_ENGLISH);
    expect((await importBackup(JSON.stringify(bad))).ok).toBe(false);
    expect((await getProfile('default'))?.data).toEqual({ 'applicant.name': '连云港甲公司' });
  });

  it('an unknown key in the profile is refused by name', async () => {
    const r = await readBackup(JSON.stringify(await profileBackup({ 'applicant.name': '乙', 'applicant.secret': 'x' })));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => e.message.zh).join('\n')).toContain('applicant.secret');
  });

  it('a __proto__ key is refused by name, never silently dropped', async () => {
    await saveProfile({ id: 'default', data: { 'applicant.name': '甲' } });
    const backup = await exportBackup();
    const text = JSON.stringify(await reseal(backup)).replace('"id":"default"', '"id":"default","__proto__":{"polluted":true}');
    const sealed = JSON.parse(text);
    const r = await readBackup(JSON.stringify(await reseal(sealed)));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => e.message.zh).join('\n')).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every envelope refusal reads as Chinese, not library English', async () => {
    await saveProfile({ id: 'default', data: { 'applicant.name': '甲' } });
    const backup = (await exportBackup()) as Record<string, any>;
    backup.createdAt = 'yesterday';
    backup.extra = 1;
    const r = await readBackup(JSON.stringify(backup));
    expect(r.ok).toBe(false);
    const zh = r.ok ? [] : r.errors.map((e) => e.message.zh);
    expect(zh.join('\n')).not.toMatch(LIBRARY_ENGLISH);
    expect(zh.join('\n')).toContain('extra');
  });

  it('the shared zod wording: missing, wrong type, too long, unknown key, keeps a schema\'s own message', () => {
    const s = z.strictObject({ a: z.string().max(3), b: z.number(), c: z.string().regex(/^x/, '自定义') });
    const r = safeParseBilingual(s, { a: 'abcd', c: 'y', d: 1 });
    expect(r.success).toBe(false);
    const zh = r.success ? [] : r.issues.map((i) => i.message.zh);
    expect(zh).toEqual(['太长：最多 3 个字', '缺少必填项，应为数字', '自定义', '含有不认识的字段：“d”（为安全起见不导入未知内容）']);
  });
});

describe('staff cases file and adapter files follow the same policy (issue 15 item 7)', () => {
  const file = (event: Record<string, unknown>, header: Record<string, unknown> = {}) => JSON.stringify({
    format: 'lyg-award/cases@1',
    cases: [{ header: { id: 'c1', year: 2026, kind: 'organization', applicantName: '甲公司', ...header }, events: [{ event, recordedBy: '张三' }] }],
  });

  it('an unknown field on an event is refused by name (the backup refuses it too), not dropped', async () => {
    const { parseCasesFile } = await import('../../../src/staff/cases-file.ts');
    const r = parseCasesFile(file({ type: 'apply', on: '2026-03-01', kind: 'organization', approvedBy: 'mayor' }));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => e.message.zh).join('\n')).toContain('approvedBy');
  });

  it('an unknown header field and a __proto__ key are refused by name', async () => {
    const { parseCasesFile } = await import('../../../src/staff/cases-file.ts');
    const extra = parseCasesFile(file({ type: 'apply', on: '2026-03-01', kind: 'organization' }, { note: 'x' }));
    expect(extra.ok ? '' : extra.errors.map((e) => e.message.zh).join('\n')).toContain('note');
    const proto = parseCasesFile(file({ type: 'apply', on: '2026-03-01', kind: 'organization' }).replace('"id":"c1"', '"id":"c1","__proto__":{"x":1}'));
    expect(proto.ok).toBe(false);
    expect(proto.ok ? '' : proto.errors.map((e) => e.message.zh).join('\n')).toContain('__proto__');
  });

  it('library wording never reaches the staff or adapter refusals', async () => {
    const { parseCasesFile } = await import('../../../src/staff/cases-file.ts');
    const { parsePortalAdapterJson } = await import('../../../src/portal/import.ts');
    const r = parseCasesFile(file({ type: 'apply', on: 20260301, kind: 'organization' }));
    const a = parsePortalAdapterJson(JSON.stringify({ format: 'lyg-award/portal-adapter@1', id: 7 }));
    const bad = parsePortalAdapterJson('{"format": ');
    for (const res of [r, a, bad]) {
      expect(res.ok).toBe(false);
      const zh = res.ok ? '' : res.errors.map((e) => e.message.zh).join('\n');
      expect(zh).not.toMatch(LIBRARY_ENGLISH);
      expect(zh).not.toMatch(/Unexpected|JSON at position|SyntaxError/);
    }
  });
});
