import { readFileSync } from 'node:fs';
import { LATEST_VERSION } from '../../../src/storage/migrations.ts';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendCaseEvents, createCase, listAllCaseEvents, listCases, listDrafts, saveDraft, saveProfile, setSetting } from '../../../src/storage/index.ts';
import {
  backupFileName,
  currentCounts,
  exportBackup,
  importBackup,
  incompleteDrafts,
  readBackup,
  type BackupEnvelope,
} from '../../../src/storage/backup.ts';
import { canonicalJson, sha256Hex } from '../../../src/storage/canonical-json.ts';
import { freshDb } from './fresh-db.ts';

const v1Text = readFileSync(resolve(process.cwd(), 'test/fixtures/storage/v1.json'), 'utf8');

beforeEach(freshDb);

async function seedSome() {
  await saveDraft({ id: 'd1', application: { format: 'lyg-award/application@1', year: 2026, applicant: { kind: 'organization', name: '甲公司' } } });
  await saveProfile({ id: 'organization', data: { intro: '简介' } });
  await createCase({ id: 'c1', year: 2026, kind: 'organization', applicantName: '甲公司', creditCode: '91320700MA1XB2C3DB' });
  await appendCaseEvents('c1', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }], 'staff');
  await setSetting('locale', 'zh-CN');
}

/** Re-seal an edited envelope so only the edit (not the checksum) is what gets refused. */
async function reseal(envelope: BackupEnvelope | Record<string, any>) {
  return { ...envelope, sha256: await sha256Hex(canonicalJson(envelope.data)) };
}

describe('exportBackup', () => {
  it('wraps every store with the format, versions, time and the SHA-256 of the canonical data', async () => {
    await seedSome();
    const backup = await exportBackup({ appVersion: '0.1.0', now: new Date('2026-06-01T10:00:00Z') });
    expect(backup).toMatchObject({ format: 'lyg-award/backup@1', dbVersion: LATEST_VERSION, appVersion: '0.1.0', createdAt: '2026-06-01T10:00:00.000Z' });
    expect(backup.sha256).toBe(await sha256Hex(canonicalJson(backup.data)));
    expect(Object.keys(backup.data).sort()).toEqual(['adapters', 'anchorMisses', 'caseEvents', 'cases', 'drafts', 'profiles', 'selfEvaluations', 'settings']);
    expect(backup.data.settings).toEqual([{ key: 'locale', value: 'zh-CN' }]);
    expect(backupFileName(backup)).toBe('award-pilot-backup-2026-06-01.json');
  });
});

describe('importBackup', () => {
  it('export → wipe → import gives back exactly the same data', async () => {
    await seedSome();
    const before = await exportBackup();
    await freshDb();
    const result = await importBackup(JSON.stringify(before));
    expect(result).toMatchObject({ ok: true, counts: { drafts: 1, cases: 1, caseEvents: 1, settings: 1, profiles: 1 } });
    const after = await exportBackup();
    expect(canonicalJson(after.data)).toBe(canonicalJson(before.data));
    // the log keeps appending after an import (the key generator continues past imported seqs)
    await appendCaseEvents('c1', [{ type: 'recommend', on: '2026-03-05', by: '区市场监管局' }], 'staff');
    expect((await listAllCaseEvents()).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('replaces what was there (after the preview said so)', async () => {
    await seedSome();
    const backup = await exportBackup();
    await saveDraft({ id: 'later', application: {} });
    expect((await currentCounts()).drafts).toBe(2);
    expect((await importBackup(backup)).ok).toBe(true);
    expect((await listDrafts()).map((d) => d.id)).toEqual(['d1']);
  });

  it('imports the committed v1 backup, migrating it forward (credit codes normalised)', async () => {
    const result = await importBackup(v1Text);
    expect(result).toMatchObject({ ok: true, upgradedFrom: 1, counts: { drafts: 2, cases: 3, caseEvents: 5 } });
    const cases = await listCases({ year: 2026 });
    expect(cases.find((c) => c.id === 'case-2026-001')?.creditCode).toBe('91320700MA1XB2C3DB');
    const preview = await readBackup(v1Text);
    expect(preview.ok && incompleteDrafts(preview.envelope)).toEqual(['draft:typing']);
  });

  async function expectRefused(input: unknown, fragment: { zh: string; en: string; path?: string }) {
    await freshDb();
    await seedSome();
    const before = canonicalJson((await exportBackup()).data);
    const result = await importBackup(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const first = result.errors[0]!;
    expect(first.message.zh).toContain(fragment.zh);
    expect(first.message.en).toContain(fragment.en);
    if (fragment.path !== undefined) expect(first.path).toBe(fragment.path);
    expect(canonicalJson((await exportBackup()).data)).toBe(before);
  }

  it('refuses text that is not JSON', () => expectRefused('{"format": "lyg-award/backup@1", "data": {', { zh: '不是有效的 JSON', en: 'not valid JSON' }));

  it('refuses another kind of file', () => expectRefused({ format: 'lyg-award/application@1' }, { zh: '不是质量奖申报助手的备份文件', en: 'not an Award Pilot backup', path: 'format' }));

  it('refuses a backup from a newer version', async () => {
    const newer = { ...JSON.parse(v1Text), dbVersion: 99 };
    await expectRefused(newer, { zh: '更新版本', en: 'newer version', path: 'dbVersion' });
  });

  it('refuses a file changed after export (checksum)', async () => {
    const tampered = JSON.parse(v1Text);
    tampered.data.cases[0].applicantName = '篡改公司';
    await expectRefused(tampered, { zh: '校验和不符', en: 'Checksum mismatch', path: 'sha256' });
  });

  it('refuses unknown stores and envelope fields', async () => {
    const extraStore = JSON.parse(v1Text);
    extraStore.data.secrets = [];
    await expectRefused(await reseal(extraStore), { zh: 'data', en: 'data' });
    await expectRefused({ ...JSON.parse(v1Text), extra: 1 }, { zh: '不认识的字段：“extra”', en: 'invalid' });
  });

  it('refuses a malformed record, naming it, and writes nothing', async () => {
    const bad = JSON.parse(v1Text);
    bad.data.cases[1].year = '2026';
    await expectRefused(await reseal(bad), { zh: 'data.cases[1].year', en: 'data.cases[1].year', path: 'data.cases[1].year' });
  });

  it('refuses a case event the lifecycle does not define (caseEventSchema)', async () => {
    const bad = JSON.parse(v1Text);
    bad.data.caseEvents[2].event = { type: 'recommend', on: '2026-05-20' }; // 'by' is required
    await expectRefused(await reseal(bad), { zh: 'data.caseEvents[2].event', en: 'data.caseEvents[2].event' });
    const extra = JSON.parse(v1Text);
    extra.data.caseEvents[0].event.approvedBy = 'mallory';
    await expectRefused(await reseal(extra), { zh: '未定义的字段', en: 'does not define', path: 'data.caseEvents[0].event' });
  });

  it('refuses events whose case is not in the backup, and duplicate keys', async () => {
    const orphan = JSON.parse(v1Text);
    orphan.data.caseEvents[0].caseId = 'case-nowhere';
    await expectRefused(await reseal(orphan), { zh: '不存在的案件', en: 'not in the backup', path: 'data.caseEvents[0].caseId' });
    const dup = JSON.parse(v1Text);
    dup.data.drafts[1].id = dup.data.drafts[0].id;
    await expectRefused(await reseal(dup), { zh: '重复', en: 'duplicate', path: 'data.drafts[1].id' });
  });

  it('refuses a self-evaluation that is not a workbook', async () => {
    const bad = JSON.parse(v1Text);
    bad.data.selfEvaluations[0].data.percents['4.1.1'] = 250;
    await expectRefused(await reseal(bad), { zh: 'data.selfEvaluations[0].data.percents', en: 'data.selfEvaluations[0].data.percents' });
  });

  it('a "__proto__" key in imported data stays plain data: no prototype pollution, and it round-trips', async () => {
    const hostile = JSON.parse(v1Text);
    hostile.data.drafts[0].application = JSON.parse('{"format":"lyg-award/application@1","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const result = await importBackup(JSON.stringify(await reseal(hostile)));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const draft = (await listDrafts()).find((d) => d.id === 'draft:demo-portal')!;
    expect(Object.getPrototypeOf(draft.application)).toBe(Object.prototype);
    expect(Object.keys(draft.application as object)).toContain('__proto__');
    expect(canonicalJson((await exportBackup()).data.drafts)).toContain('"__proto__":{"polluted":true}');
  });

  it('refuses an adapter that is not a portal adapter, or filed under another id', async () => {
    const bad = JSON.parse(v1Text);
    bad.data.adapters[0].adapter.pages = 'everything';
    await expectRefused(await reseal(bad), { zh: 'data.adapters[0].adapter', en: 'data.adapters[0].adapter' });
    const renamed = JSON.parse(v1Text);
    renamed.data.adapters[0].id = 'demo-portal';
    await expectRefused(await reseal(renamed), { zh: '不一致', en: 'does not match', path: 'data.adapters[0].id' });
  });

  it('refuses a draft that is not an application', async () => {
    const bad = JSON.parse(v1Text);
    bad.data.drafts[0].application = { format: 'something-else@1' };
    await expectRefused(await reseal(bad), { zh: 'application.format', en: 'application.format' });
  });
});
