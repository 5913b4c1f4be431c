import { toDoc } from '../../../src/sharing/documents.ts';

/** `count` cases as an office database holds them (each with its application and 海州区's recommendation), ids `<prefix>-1…`. */
export function officeDocs(prefix: string, applicantPrefix: string, count: number, award: unknown): unknown[] {
  const docs = [];
  for (let i = 1; i <= count; i++) {
    const id = `${prefix}-${i}`;
    docs.push(toDoc({ kind: 'case', record: { id, year: 2026, kind: 'organization', applicantName: `${applicantPrefix}${i}`, createdAt: '2026-03-01T00:00:00.000Z', award } } as never));
    for (const [j, type] of ['apply', 'recommend'].entries()) {
      const event = type === 'apply' ? { type, on: '2026-03-02', kind: 'organization' } : { type, on: '2026-04-01', by: '海州区' };
      docs.push(toDoc({ kind: 'event', record: { caseId: id, event, recordedAt: `2026-04-0${j + 1}T00:00:00.000Z`, recordedBy: 'seed' } } as never));
    }
  }
  return docs;
}
