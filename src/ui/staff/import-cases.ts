import { bi, type Bilingual } from '../../core/i18n.ts';
import type { CasesFile } from '../../staff/cases-file.ts';
import { getDb, type CaseRecord, type StoredCaseEvent } from '../../storage/index.ts';
import { guardQuota } from '../../storage/errors.ts';
import { caseEventRecordSchema, caseRecordSchema } from '../../storage/records.ts';

export interface ImportPlan {
  fresh: { header: CaseRecord; events: StoredCaseEvent[] }[];
  /** Ids already stored: a case log is append-only, so an import never merges into or replaces one. */
  skipped: string[];
}

/** Turns a validated file into storage records; throws a bilingual error if any record would not store. */
export async function planImport(file: CasesFile): Promise<ImportPlan> {
  const db = await getDb();
  const existing = new Set(await db.getAllKeys('cases'));
  const now = new Date().toISOString();
  const fresh: ImportPlan['fresh'] = [];
  const skipped: string[] = [];
  file.cases.forEach((c, i) => {
    if (existing.has(c.header.id)) {
      skipped.push(c.header.id);
      return;
    }
    const header = caseRecordSchema.safeParse({
      id: c.header.id,
      year: c.header.year,
      kind: c.header.kind,
      applicantName: c.header.applicantName,
      creditCode: c.header.creditCode,
      recommender: c.header.recommender,
      createdAt: c.header.createdAt ?? now,
      // each case keeps its award and version, and its link (issue 16); a file without them is judged as a
      // record from before issue 16 (the default award's version in force on its filing date)
      ...(c.header.award ? { award: c.header.award } : {}),
      ...(c.header.recommendedFrom ? { recommendedFrom: c.header.recommendedFrom } : {}),
    });
    if (!header.success) throw importError(`cases[${i}].header`, header.error.issues[0]?.message ?? '');
    const events = c.events.map((e, j) => {
      const r = caseEventRecordSchema.safeParse({ caseId: c.header.id, event: e.event, recordedAt: e.recordedAt ?? now, recordedBy: e.recordedBy });
      if (!r.success) throw importError(`cases[${i}].events[${j}]`, r.error.issues[0]?.message ?? '');
      return r.data as StoredCaseEvent;
    });
    fresh.push({ header: header.data as CaseRecord, events });
  });
  return { fresh, skipped };
}

function importError(path: string, detail: string): Error & { userMessage: Bilingual } {
  const message = bi(`导入被拒绝：${path} 无法保存（${detail}），未写入任何数据。`, `Import refused: ${path} cannot be stored (${detail}); nothing was written.`);
  return Object.assign(new Error(message.en), { userMessage: message });
}

/**
 * Writes every new case and its log in ONE strict transaction: all of the file, or nothing. `onProgress`
 * counts the cases whose writes completed; aborting `signal` aborts the transaction (nothing is written).
 */
export async function commitImport(
  plan: ImportPlan,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportPlan['fresh']> {
  return guardQuota(async () => {
    const db = await getDb();
    const tx = db.transaction(['cases', 'caseEvents'], 'readwrite', { durability: 'strict' });
    const cases = tx.objectStore('cases');
    const events = tx.objectStore('caseEvents');
    const written: ImportPlan['fresh'] = [];
    const total = plan.fresh.length;
    let done = 0;
    const onAbort = () => {
      try {
        tx.abort();
      } catch {
        // already finished
      }
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    try {
      for (const c of plan.fresh) {
        // add() (not put) fails on an id that appeared since the preview: the whole import aborts.
        cases
          .add(c.header)
          .then(() => {
            done++;
            if (done % 200 === 0 || done === total) opts.onProgress?.(done, total);
          })
          .catch(() => undefined);
        const stored: StoredCaseEvent[] = [];
        for (const e of c.events) {
          const record = { ...e };
          stored.push(record);
          events
            .add(record)
            .then((seq) => (record.seq = seq as number))
            .catch(() => undefined);
        }
        written.push({ header: c.header, events: stored });
      }
      await tx.done;
    } catch (err) {
      if (opts.signal?.aborted) throw Object.assign(new Error('import cancelled'), { cancelled: true });
      try {
        tx.abort();
      } catch {
        // already finished
      }
      throw err;
    }
    opts.signal?.removeEventListener('abort', onAbort);
    return written;
  });
}
