import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { appendCaseEvents, createCase, getCaseEvents } from '../../../src/storage/repos.ts';
import { getPanel, recordPanelEvent, savePanel, saveScorebook, listScorebooks, type PanelRecord } from '../../../src/experts/store.ts';
import { exportBackup, readBackup } from '../../../src/storage/backup.ts';
import { book } from './helpers.ts';
import { replayCase } from '../../../src/cases/replay.ts';

beforeEach(freshDb);

describe('panel store and the case event', () => {
  it('records pass-material-review with the scores on the stored record; the event keeps its contract shape; a backup re-reads', async () => {
    const c = await createCase({ year: 2026, kind: 'organization', applicantName: '连云港海州精密机械有限公司' });
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }], 'staff');
    const panel: PanelRecord = { caseId: c.id, margin: 20, scorebooks: [book('a', { '4.1.2': 50 }), book('b', { '4.1.2': 60 })], events: [], recorded: [], version: 0 };
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

  it('an individual: the presentation (not a site visit) is recorded after the material review, with the final scores attached; the case moves on', async () => {
    const c = await createCase({ year: 2026, kind: 'individual', applicantName: '张工程师' });
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'individual' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }], 'staff');
    const sb = (id: string, p: number) => ({ ...book(id, { '4.1.2': p }), subject: { ...book(id, {}).subject, caseId: c.id, kind: 'individual' as const, applicantName: '张工程师' } });
    await savePanel({ caseId: c.id, margin: 20, scorebooks: [sb('a', 60), sb('b', 60)], events: [], recorded: [], version: 0 });
    await recordPanelEvent((await getPanel(c.id))!, 'pass-material-review', '2026-07-01');
    const before = await getCaseEvents(c.id);
    // an organisation's site visit is refused for an individual: nothing written
    await expect(recordPanelEvent((await getPanel(c.id))!, 'complete-site-review', '2026-08-01')).rejects.toThrow();
    expect((await getCaseEvents(c.id)).length).toBe(before.length);
    const panel = await getPanel(c.id);
    await savePanel({ ...panel!, events: [{ id: 'f1', by: '市质量发展委员会办公室', at: '2026-08-01T02:00:00.000Z', type: 'finding', item: '4.1.2', outcome: 'partly', percent: 50, note: '答辩中案例不足' }] });
    await recordPanelEvent((await getPanel(c.id))!, 'complete-presentation', '2026-08-02');
    const log = await getCaseEvents(c.id);
    const last = log[log.length - 1]!;
    expect(last.event).toEqual({ type: 'complete-presentation', on: '2026-08-02' });
    expect(last.review).toMatchObject({ stage: 'site' });
    expect((last.review as { total: number }).total).toBeCloseTo(50 * 0.5, 9);
    expect(replayCase(log.map((e) => e.event) as never).stage).toBe('comprehensive-evaluation');
  });

  it('versions the panel record (consensus, findings, margin): a save or a recorded event from a stale copy is refused, nothing written', async () => {
    const c = await createCase({ year: 2026, kind: 'organization', applicantName: '连云港海州精密机械有限公司' });
    await appendCaseEvents(c.id, [{ type: 'apply', on: '2026-06-01', kind: 'organization' }, { type: 'recommend', on: '2026-06-10', by: '海州区' }, { type: 'accept', on: '2026-06-20' }], 'staff');
    const first = await savePanel({ caseId: c.id, margin: 20, scorebooks: [book('a', { '4.1.2': 50 }), book('b', { '4.1.2': 90 })], events: [], recorded: [] });
    expect(first.version).toBe(1);
    // tab A agrees a consensus; tab B, still holding version 1, tries to change the margin
    const agreed = await savePanel({ ...first, events: [{ id: 'c1', by: '办公室', at: '2026-07-01T02:00:00.000Z', type: 'consensus', item: '4.1.2', percent: 70, rationale: '合议取中' }] });
    expect(agreed.version).toBe(2);
    await expect(savePanel({ ...first, margin: 30 })).rejects.toThrow('已在别处');
    expect((await getPanel(c.id))!).toMatchObject({ version: 2, margin: 20 });
    // a stale copy cannot move the case either
    const before = (await getCaseEvents(c.id)).length;
    await expect(recordPanelEvent(first, 'pass-material-review', '2026-07-01')).rejects.toThrow('已在别处');
    expect((await getCaseEvents(c.id)).length).toBe(before);
    const recorded = await recordPanelEvent((await getPanel(c.id))!, 'pass-material-review', '2026-07-01');
    expect(recorded.version).toBe(3);
    expect((await getCaseEvents(c.id)).length).toBe(before + 1);
  });

  it('reads a panel saved before versions as version 0', async () => {
    const { setSetting } = await import('../../../src/storage/repos.ts');
    await setSetting('experts/panel/old', { caseId: 'old', margin: 20, scorebooks: [], events: [], recorded: [] });
    expect((await getPanel('old'))!.version).toBe(0);
    expect((await savePanel((await getPanel('old'))!)).version).toBe(1);
  });

  it('refuses to save a scorebook that scores before 回避', async () => {
    const b = book('a', { '4.1.2': 50 });
    await expect(saveScorebook({ ...b, events: [b.events[1]!, b.events[0]!] })).rejects.toThrow('回避');
    expect(await listScorebooks()).toEqual([]);
    await saveScorebook(b);
    expect((await listScorebooks()).map((x) => x.id)).toEqual([b.id]);
  });
});
