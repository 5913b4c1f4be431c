import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { appendCaseEvents, createCase, getCaseEvents } from '../../../src/storage/repos.ts';
import { getPanel, recordPanelEvent, savePanel, saveScorebook, listScorebooks, type PanelRecord } from '../../../src/experts/store.ts';
import { exportBackup, readBackup } from '../../../src/storage/backup.ts';
import { book } from './helpers.ts';

beforeEach(freshDb);

describe('panel store and the case event', () => {
  it('records pass-material-review with the scores on the stored record; the event keeps its contract shape; a backup re-reads', async () => {
    const c = await createCase({ year: 2026, kind: 'organization', applicantName: '连云港海州精密机械有限公司' });
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }], 'staff');
    const panel: PanelRecord = { caseId: c.id, margin: 20, scorebooks: [book('a', { '4.1.2': 50 }), book('b', { '4.1.2': 60 })], events: [], recorded: [] };
    await savePanel(panel);
    await recordPanelEvent((await getPanel(c.id))!, 'pass-material-review', '2026-07-01');
    const log = await getCaseEvents(c.id);
    const last = log[log.length - 1]!;
    expect(last.event).toEqual({ type: 'pass-material-review', on: '2026-07-01' });
    expect((last.review as { total: number }).total).toBeCloseTo(50 * 0.55, 9);
    expect((await getPanel(c.id))!.recorded.map((r) => r.type)).toEqual(['pass-material-review']);
    // refused by the lifecycle: nothing written
    await expect(recordPanelEvent((await getPanel(c.id))!, 'complete-presentation', '2026-07-02')).rejects.toThrow();
    expect((await getCaseEvents(c.id)).length).toBe(log.length);
    const read = await readBackup(JSON.stringify(await exportBackup()));
    expect(read.ok).toBe(true);
  });

  it('refuses to save a scorebook that scores before 回避', async () => {
    const b = book('a', { '4.1.2': 50 });
    await expect(saveScorebook({ ...b, events: [b.events[1]!, b.events[0]!] })).rejects.toThrow('回避');
    expect(await listScorebooks()).toEqual([]);
    await saveScorebook(b);
    expect((await listScorebooks()).map((x) => x.id)).toEqual([b.id]);
  });
});
