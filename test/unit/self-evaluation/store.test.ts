import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as storage from '../../../src/storage/index.ts';
import { allSaved, SelfEvaluationStore, workingId } from '../../../src/ui/self-evaluation/store.ts';
import { emptyWorkbook, type Workbook } from '../../../src/self-evaluation/index.ts';

// getSelfEvaluation is wrapped so a test can hold a read back and release it at the moment it chooses.
vi.mock('../../../src/storage/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/storage/index.ts')>();
  return { ...real, getSelfEvaluation: vi.fn(real.getSelfEvaluation) };
});
const getMock = vi.mocked(storage.getSelfEvaluation);

const id = workingId('organization');
const withPercent = (w: Workbook, item: string, percent: number): Workbook => ({ ...w, percents: { ...w.percents, [item]: percent } });
const savedPercents = async () => ((await storage.getSelfEvaluation(id))?.data as Workbook | undefined)?.percents;

/** A promise the test resolves by hand. */
function gate<T>() {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => { open = r; });
  return { promise, open };
}

const stores: SelfEvaluationStore[] = [];
const newStore = () => {
  const s = new SelfEvaluationStore('organization');
  stores.push(s);
  return s;
};

async function clearAll() {
  for (const r of await storage.listSelfEvaluations()) await storage.deleteSelfEvaluation(r.id);
}

beforeEach(clearAll);
afterEach(async () => {
  await allSaved();
  for (const s of stores.splice(0)) s.dispose();
  await clearAll();
});

describe('self-evaluation store: nothing typed is lost, nothing saved is overwritten', () => {
  it('a page closed before the saved workbook has loaded does not write a blank workbook over it', async () => {
    await storage.saveSelfEvaluation({ id, round: 'current', data: withPercent(emptyWorkbook('organization'), '4.1.2', 60) });
    const store = newStore();
    const loading = store.load();
    await store.flush(); // pagehide / unmount while still loading
    await loading;
    await allSaved();
    expect(await savedPercents()).toEqual({ '4.1.2': 60 });
    expect(store.workbook.value.percents).toEqual({ '4.1.2': 60 });
  });

  it('an edit made while the saved workbook loads is kept on top of it, and saved', async () => {
    await storage.saveSelfEvaluation({ id, round: 'current', data: withPercent(emptyWorkbook('organization'), '4.1.2', 60) });
    const held = gate<Awaited<ReturnType<typeof storage.getSelfEvaluation>>>();
    const real = await storage.getSelfEvaluation(id);
    getMock.mockImplementationOnce(() => held.promise);
    const store = newStore();
    const loading = store.load();
    store.update((w) => withPercent(w, '4.7.2', 80)); // typed before the load landed
    held.open(real);
    await loading;
    await allSaved();
    expect(store.workbook.value.percents).toEqual({ '4.1.2': 60, '4.7.2': 80 });
    expect(await savedPercents()).toEqual({ '4.1.2': 60, '4.7.2': 80 });
  });

  it("an idle page closing does not put its stale copy over another page's newer save", async () => {
    const sidePanel = newStore();
    const fullTab = newStore();
    await Promise.all([sidePanel.load(), fullTab.load()]);
    fullTab.update((w) => withPercent(w, '4.2.2', 40));
    await fullTab.flush();
    // the side panel has not heard of that save yet, and closes
    expect(sidePanel.workbook.value.percents).toEqual({});
    await sidePanel.flush();
    await allSaved();
    expect(await savedPercents()).toEqual({ '4.2.2': 40 });
  });

  it("another page's save read before the user typed is not applied over what was typed", async () => {
    const store = newStore();
    await store.load();
    const before = await storage.getSelfEvaluation(id); // nothing saved yet
    const held = gate<Awaited<ReturnType<typeof storage.getSelfEvaluation>>>();
    let reading = false;
    getMock.mockImplementationOnce(() => { reading = true; return held.promise; });
    const peer = new BroadcastChannel('award-pilot:self-evaluation');
    peer.postMessage({ kind: 'organization', from: 'other-page', what: 'workbook' });
    await vi.waitFor(() => expect(reading).toBe(true), { timeout: 15_000 }); // the store is reading the peer's save
    store.update((w) => withPercent(w, '4.4.3', 15));
    await allSaved();
    held.open({ id, round: 'current', updatedAt: before?.updatedAt ?? '2026-01-01T00:00:00.000Z', data: emptyWorkbook('organization') });
    await held.promise;
    await new Promise((r) => setTimeout(r, 0)); // let the store act on the read it was waiting for
    peer.close();
    expect(store.workbook.value.percents).toEqual({ '4.4.3': 15 });
    expect(await savedPercents()).toEqual({ '4.4.3': 15 });
  });
});
