import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseApplication } from '../../../src/application/index.ts';
import { caseEventSchema } from '../../../machines/case.events.ts';
import { demoPortalAdapter, parsePortalAdapterJson, snapshotToApplication } from '../../../src/portal/index.ts';
import { appendCaseEvents, createCase, saveAdapter, saveDraft, saveProfile, setSetting } from '../../../src/storage/index.ts';
import { exportBackup, importBackup, readBackup } from '../../../src/storage/backup.ts';
import { canonicalJson, sha256Hex } from '../../../src/storage/canonical-json.ts';
import { freshDb } from './fresh-db.ts';

/**
 * Fuzzing the three doors untrusted data comes in by: application files, backup files, portal
 * readings. Never a crash, never a write on refusal, and export → import is exact.
 */
const v1 = JSON.parse(readFileSync(resolve(process.cwd(), 'test/fixtures/storage/v1.json'), 'utf8'));
const RUNS = 2000;
// property runs are many; the default 5 s per test is for single examples
const FUZZ_TIMEOUT = 120_000;

/** Replace the value at a random path of a JSON value with `replacement`. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: any = Array.isArray(value) ? [...value] : { ...value };
  copy[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

const hostile = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', '<img src=x onerror=alert(1)>', '2026-02-30', '9'.repeat(400), -1, 1e308, Number.MAX_SAFE_INTEGER + 2, null, [], {}),
  fc.string({ maxLength: 50 }),
);

describe('parseApplication: hostile application files', () => {
  it(`never throws; refusals name a field in zh and en (${RUNS} runs)`, () => {
    const base = v1.data.drafts[0].application;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), hostile, fc.boolean(), (path, replacement, wholesale) => {
        const input = wholesale ? replacement : mutate(base, path, replacement);
        const result = parseApplication(input);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(typeof e.path).toBe('string');
            expect(e.message.zh.length).toBeGreaterThan(0);
            expect(e.message.en.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);
});

describe('portal reader: hostile field readings', () => {
  const keys = ['applicant.kind', 'applicant.name', 'applicant.creditCode', 'applicant.establishedOn', 'applicant.qmsCertificates', 'applicant.qualityStaff', 'applicant.accidents', 'applicant.registeredTrademarks', 'history', 'no.such.field', '__proto__'];
  const reading = fc.record({
    key: fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 30 })),
    found: fc.boolean(),
    value: fc.oneof(fc.string({ maxLength: 200 }), fc.boolean(), fc.constant(null), fc.json({ maxDepth: 2 })),
  });
  it(`snapshotToApplication never throws and parseApplication judges whatever it builds (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 40 }), (fields) => {
        const raw = snapshotToApplication(fields as never, { submittedOn: '2026-06-30', year: 2026 });
        const result = parseApplication(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);
  it(`adapter import never throws on hostile JSON text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 300 })), (text) => {
        const result = parsePortalAdapterJson(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, FUZZ_TIMEOUT);
});

describe('importBackup: hostile backup files', () => {
  // the fixture without its 60 KB adapter (validated by its own tests): keeps thousands of runs fast
  let compact: any;
  beforeAll(async () => {
    const data = { ...v1.data, adapters: [] };
    compact = { ...v1, data, sha256: await sha256Hex(canonicalJson(data)) };
    await freshDb();
    await saveDraft({ id: 'keep', application: { format: 'lyg-award/application@1', year: 2026 } });
    await createCase({ id: 'k1', year: 2026, kind: 'organization', applicantName: '甲公司' });
    await appendCaseEvents('k1', [{ type: 'apply', on: '2026-03-01', kind: 'organization' }], 'staff');
  });

  it(`refused files write nothing; accepted ones are exactly what was validated (${RUNS} runs)`, async () => {
    const before = canonicalJson((await exportBackup()).data);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostile, fc.boolean(), async (path, replacement, reseal) => {
        const envelope = mutate(compact, path, replacement) as any;
        // half the files keep a valid checksum, so the record validators (not just the hash) are exercised
        if (reseal && envelope && typeof envelope === 'object' && envelope.data && typeof envelope.data === 'object') {
          envelope.sha256 = await sha256Hex(canonicalJson(envelope.data));
        }
        const read = await readBackup(JSON.stringify(envelope));
        if (!read.ok) {
          refused++;
          expect(read.errors[0]!.message.zh.length).toBeGreaterThan(0);
          expect(read.errors[0]!.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
    expect(canonicalJson((await exportBackup()).data)).toBe(before);
  }, FUZZ_TIMEOUT);

  it('importBackup itself: refusal leaves the database byte-for-byte unchanged (300 runs through the writer)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 2, maxLength: 6 }), hostile, async (path, replacement) => {
        const envelope = mutate(compact, path, replacement) as any;
        if (envelope?.data && typeof envelope.data === 'object') envelope.sha256 = await sha256Hex(canonicalJson(envelope.data));
        const before = canonicalJson((await exportBackup()).data);
        const result = await importBackup(envelope);
        const after = canonicalJson((await exportBackup()).data);
        if (!result.ok) expect(after).toBe(before);
      }),
      { numRuns: 300 },
    );
  }, FUZZ_TIMEOUT);
});

describe('export → import round trip', () => {
  const id = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const event = fc.oneof(
    fc.record({ type: fc.constant('apply'), on: date, kind: fc.constantFrom('organization', 'individual') }),
    fc.record({ type: fc.constant('recommend'), on: date, by: id }),
    fc.record({ type: fc.constantFrom('accept', 'reject', 'withdraw', 'publicity-end'), on: date }),
    fc.record({ type: fc.constant('revoke'), on: date, reason: fc.constantFrom('fraud', 'incident') }),
  );

  it('whatever the stores hold, a backup brings back exactly the same data (100 databases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id, application: fc.jsonValue({ maxDepth: 3 }).map((j) => ({ format: 'lyg-award/application@1', extra: j })) }), { selector: (d) => d.id, maxLength: 5 }),
        fc.uniqueArray(fc.record({ id, data: fc.jsonValue({ maxDepth: 3 }) }), { selector: (p) => p.id, maxLength: 3 }),
        fc.uniqueArray(fc.record({ id, year: fc.integer({ min: 2000, max: 2100 }), events: fc.array(event, { maxLength: 4 }) }), { selector: (c) => c.id, maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => k.trim().length > 0), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        async (drafts, profiles, cases, settings) => {
          await freshDb();
          for (const d of drafts) await saveDraft(d);
          for (const p of profiles) await saveProfile(p);
          for (const c of cases) {
            await createCase({ id: c.id, year: c.year, kind: 'organization', applicantName: '甲' });
            for (const e of c.events) expect(caseEventSchema.safeParse(e).success).toBe(true);
            await appendCaseEvents(c.id, c.events, 'staff');
          }
          for (const [k, v] of Object.entries(settings)) await setSetting(k, v);
          await saveAdapter({ id: demoPortalAdapter.id, adapter: demoPortalAdapter });
          const first = await exportBackup();
          await freshDb();
          const result = await importBackup(JSON.stringify(first));
          expect(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 2))).toBe(true);
          const second = await exportBackup();
          expect(canonicalJson(second.data)).toBe(canonicalJson(first.data));
          expect(second.sha256).toBe(first.sha256);
        },
      ),
      { numRuns: 100 },
    );
  }, FUZZ_TIMEOUT);
});
