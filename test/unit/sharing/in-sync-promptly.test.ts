// @vitest-environment node
// The browser bench (BENCHMARKS.md, issue 20) saw the stores hold every case and event ≈ 80 s before the
// status said "in sync" (2 award years). Cause: the replica's live feed queued one read of the replica for
// every arriving document; once the stores held everything, "in sync" still waited behind thousands of
// those reads, each finding nothing. From "all stored" to "in sync" depends on no timer and no per-document
// backlog: counted here as the replica reads that find nothing new before "in sync".
// Also (issue 20): while the replica's documents are being written into the stores, the status says how many
// the stores hold, so the clerk sees that phase move.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { createCase, getCaseEvents, listCases } from '../../../src/storage/repos.ts';
import { Replicator, type PouchStatic } from '../../../src/sharing/replicate.ts';
import { officeDocs } from './office-docs.ts';
import type { SharingStatus } from '../../../src/sharing/config.ts';
// @ts-expect-error a plain .mjs test tool
import { pouchNode, setupAward, startCouch } from '../../tools/couch-server.mjs';
import { eventually } from './eventually.ts';

const PouchDB = pouchNode() as PouchStatic;
type Couch = { url: string; inFlight(): number; close(): Promise<void> };
let couch: Couch;
let award: { call(method: string, path: string, body?: unknown): Promise<any> };
const clerk = { name: '赵科员', password: 'pw-clerk-z' };

/** The replicator's PouchDB, counting its reads of the local replica's changes (the stores' side) and what each found. */
function countingPouch(reads: Array<{ found: number }>): PouchStatic {
  const Counting = function (this: unknown, name: string, opts?: Record<string, unknown>) {
    const db = new PouchDB(name, opts);
    if (!/^https?:/.test(name)) {
      const changes = db.changes.bind(db);
      db.changes = ((o: Record<string, unknown>) => {
        const feed = changes(o);
        // the stores' reads of the replica: one batch with documents (the replication's own reads are live or style-only)
        if (!o.live && o.include_docs && o.conflicts) void Promise.resolve(feed).then((b) => reads.push({ found: b.results.length }));
        return feed;
      }) as typeof db.changes;
    }
    return db;
  } as unknown as PouchStatic;
  Counting.replicate = PouchDB.replicate.bind(PouchDB);
  return Counting;
}

let replicator: Replicator | null = null;
beforeAll(async () => {
  couch = await startCouch();
  award = await setupAward(couch, { clerks: [clerk] });
});
afterAll(async () => {
  if (!couch) return;
  await eventually(() => couch.inFlight(), (n) => n === 0);
  await couch.close();
});
beforeEach(freshDb);
afterEach(async () => {
  await replicator?.stop();
  replicator = null;
});

describe('"in sync" follows "all stored" at once (issue 20)', () => {
  it('no backlog of per-document reads between the stores holding everything and "in sync"; the storing phase counts what the stores hold', async () => {
    const award0 = (await createCase({ id: 'case-prompt-0', year: 2026, kind: 'organization', applicantName: '连云港及时测试零' })).award;
    const CASES = 150;
    const docs = officeDocs('case-prompt', '连云港及时测试', CASES, award0);
    await award.call('POST', '/award-office/_bulk_docs', { docs });

    const reads: Array<{ found: number }> = [];
    
    const seen: SharingStatus[] = [];
    let idleAt: number | null = null;
    replicator = new Replicator(
      { url: couch.url, user: clerk.name, password: clerk.password, enabled: true },
      {
        PouchDB: countingPouch(reads),
        localOptions: { adapter: 'memory', prefix: `prompt-${Date.now()}-` },
        retryMs: 100,
        onStatus: (s) => {
          seen.push(s);
          if (s.state === 'idle' && idleAt === null) idleAt = reads.length;
        },
      },
    );
    await replicator.start();
    await eventually(() => idleAt, (n) => n !== null);
    const cases = (await listCases()).filter((c) => /^case-prompt-[1-9]/.test(c.id));
    expect(cases.length).toBe(CASES);
    expect((await Promise.all(cases.map((c) => getCaseEvents(c.id)))).reduce((n, l) => n + l.length, 0)).toBe(2 * CASES);

    // reads of the replica before "in sync" that found nothing, after the last one that found something
    const before = reads.slice(0, idleAt!);
    const lastUseful = before.map((r) => r.found > 0).lastIndexOf(true);
    const emptyAfterAllStored = before.slice(lastUseful + 1).length;
    expect(emptyAfterAllStored).toBeLessThanOrEqual(3);
    // and overall, reads are per batch, not per document
    expect(before.length).toBeLessThan(docs.length / 10);

    // the storing phase: the status counted what the stores hold, rising, never above the replica
    const storing = seen.filter((s) => s.state === 'active' && s.progress?.stored !== undefined).map((s) => s.progress!);
    expect(storing.length).toBeGreaterThan(0);
    expect(storing.every((p) => p.stored! <= p.here)).toBe(true);
    expect(storing.map((p) => p.stored!)).toEqual([...storing.map((p) => p.stored!)].sort((a, b) => a - b));
    const last = seen.find((s) => s.state === 'idle')!;
    expect(last.progress?.stored).toBeGreaterThanOrEqual(docs.length);
  }, 60_000);
});
