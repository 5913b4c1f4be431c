import { signal, type Signal } from '@preact/signals';
import { deleteSelfEvaluation, getSelfEvaluation, listSelfEvaluations, saveSelfEvaluation } from '../../storage/index.ts';
import { emptyWorkbook, workbookSchema, type Workbook } from '../../self-evaluation/index.ts';

export type ApplicantKind = Workbook['applicantKind'];
export type SaveState = 'loading' | 'saved' | 'saving' | 'error';

/** IndexedDB ids: one working copy per applicant kind, plus named rounds saved from it. */
export const workingId = (kind: ApplicantKind) => `selfeval:${kind}:current`;
export const roundId = (kind: ApplicantKind, round: string) => `selfeval:${kind}:round:${round}`;
const roundPrefix = (kind: ApplicantKind) => `selfeval:${kind}:round:`;

const CHANNEL = 'award-pilot:self-evaluation';
const writing = new Set<Promise<void>>();
/** Resolves once every self-evaluation write started so far has landed (tests, page unload). */
export async function allSaved(): Promise<void> {
  while (writing.size) await Promise.all([...writing]);
}
function track(p: Promise<void>): Promise<void> {
  writing.add(p);
  void p.finally(() => writing.delete(p));
  return p;
}

export interface SavedRound {
  id: string;
  round: string;
  updatedAt: string;
  workbook: Workbook;
}

/**
 * The 自评 tab's state. Every edit is written at once with relaxed durability (nothing waits on
 * the disk while typing); a blur or closing the page writes strictly. At most one write is in
 * flight; edits made meanwhile are written right after it, so the last state always lands.
 *
 * Nothing the user typed is lost, and nothing saved is overwritten by a copy that was never edited:
 * - a page only ever writes its OWN edits: a flush (blur, page hide, unmount) with no edits writes
 *   nothing, so a side panel closing (or unmounting late, after paint) cannot put its stale or
 *   not-yet-loaded workbook over what the full-tab editor saved meanwhile;
 * - nothing is written before the saved workbook has loaded; edits made while it loads are
 *   replayed on top of it;
 * - a read started before an edit (load, or another page's save) is never applied over that edit.
 */
export class SelfEvaluationStore {
  readonly workbook: Signal<Workbook>;
  readonly saveState = signal<SaveState>('loading');
  readonly error = signal<string | null>(null);
  readonly rounds = signal<SavedRound[]>([]);
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private pendingStrict = false;
  private loading: Promise<void> | null = null;
  private loaded = false;
  /** edits made while loading, replayed on top of the saved workbook */
  private queued: ((w: Workbook) => Workbook)[] = [];
  /** edits of this page not yet written strictly */
  private unflushed = false;
  /** counts this page's edits, so a read that started before an edit is not applied over it */
  private edits = 0;
  /** other pages editing the same self-evaluation (side panel and the full-tab editor) hear of each save */
  private readonly channel: BroadcastChannel | null;
  private readonly instance = Math.random().toString(36).slice(2);

  constructor(readonly kind: ApplicantKind) {
    this.workbook = signal(emptyWorkbook(kind));
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (this.channel) this.channel.onmessage = (e: MessageEvent) => this.onPeerSave(e.data);
  }

  load(): Promise<void> {
    this.loading ??= track(this.read());
    return this.loading;
  }

  private async read(): Promise<void> {
    try {
      const rec = await getSelfEvaluation(workingId(this.kind));
      if (rec) {
        const parsed = workbookSchema.safeParse(rec.data);
        if (parsed.success && parsed.data.applicantKind === this.kind) this.workbook.value = this.queued.reduce((w, change) => change(w), parsed.data);
        else {
          // keep the unreadable record under another id before the first edit overwrites the working copy
          await saveSelfEvaluation({ id: `selfeval:${this.kind}:unreadable:${rec.updatedAt}`, round: 'unreadable', data: rec.data }, { durability: 'strict' });
          this.error.value = '已保存的自评数据无法读取，已另存一份并从空白开始 / The saved self-evaluation could not be read: a copy was kept and the form starts blank';
        }
      }
      await this.refreshRounds();
      this.saveState.value = 'saved';
    } catch (e) {
      this.saveState.value = 'error';
      this.error.value = `读取失败 / could not load: ${String((e as Error)?.message ?? e)}`;
    } finally {
      this.loaded = true;
      this.queued = [];
      if (this.dirty) this.schedule(this.pendingStrict);
    }
  }

  /** Another page saved: take its state unless this page has edits of its own still to write. */
  private async onPeerSave(data: unknown): Promise<void> {
    const msg = data as { kind?: string; from?: string; what?: string } | null;
    if (!msg || msg.kind !== this.kind || msg.from === this.instance) return;
    if (msg.what === 'rounds') { await this.refreshRounds(); return; }
    if (!this.loaded || this.dirty || this.inFlight) return;
    const edits = this.edits;
    const rec = await getSelfEvaluation(workingId(this.kind));
    const parsed = rec ? workbookSchema.safeParse(rec.data) : null;
    if (parsed?.success && edits === this.edits && !this.dirty && !this.inFlight) this.workbook.value = parsed.data;
  }

  private announce(what: 'workbook' | 'rounds'): void {
    this.channel?.postMessage({ kind: this.kind, from: this.instance, what });
  }

  dispose(): void {
    this.channel?.close();
  }

  update(change: (w: Workbook) => Workbook): void {
    this.edited();
    if (!this.loaded) this.queued.push(change);
    this.workbook.value = change(this.workbook.value);
    this.schedule(false);
  }

  private edited(): void {
    this.edits++;
    this.unflushed = true;
  }

  /** Called on blur, page hide and unmount: write this page's edits now, strictly (none: nothing to write). */
  flush(): Promise<void> {
    if (!this.loaded) return this.loading ? track(this.loading.then(() => this.flush())) : Promise.resolve();
    if (this.unflushed) this.schedule(true);
    return this.inFlight ?? Promise.resolve();
  }

  private schedule(strict: boolean): void {
    this.dirty = true;
    this.pendingStrict ||= strict;
    if (!this.loaded) return; // written once the saved workbook has loaded
    if (!this.inFlight) this.inFlight = track(this.drain());
  }

  private async drain(): Promise<void> {
    this.saveState.value = 'saving';
    try {
      while (this.dirty) {
        this.dirty = false;
        const strict = this.pendingStrict;
        this.pendingStrict = false;
        if (strict) this.unflushed = false;
        const w = this.workbook.value;
        await saveSelfEvaluation({ id: workingId(this.kind), round: w.round || 'current', data: w }, { durability: strict ? 'strict' : 'relaxed' });
      }
      this.saveState.value = 'saved';
      this.error.value = null;
      this.announce('workbook');
    } catch (e) {
      this.unflushed = true;
      this.saveState.value = 'error';
      this.error.value = `保存失败 / could not save: ${String((e as Error)?.message ?? e)}`;
    } finally {
      this.inFlight = null;
    }
  }

  async refreshRounds(): Promise<void> {
    const all = await listSelfEvaluations();
    const rounds: SavedRound[] = [];
    for (const r of all) {
      if (!r.id.startsWith(roundPrefix(this.kind))) continue;
      const parsed = workbookSchema.safeParse(r.data);
      if (parsed.success) rounds.push({ id: r.id, round: r.round, updatedAt: r.updatedAt, workbook: parsed.data });
    }
    this.rounds.value = rounds;
  }

  /** Saves the working copy as a named round (e.g. "2026"); saving the same name again replaces it. */
  async saveRound(name: string): Promise<void> {
    const round = name.trim();
    const w = { ...this.workbook.value, round };
    this.edited();
    this.workbook.value = w;
    await saveSelfEvaluation({ id: roundId(this.kind, round), round, data: w }, { durability: 'strict' });
    this.schedule(true);
    await this.refreshRounds();
    this.announce('rounds');
  }

  async deleteRound(id: string): Promise<void> {
    await deleteSelfEvaluation(id);
    await this.refreshRounds();
    this.announce('rounds');
  }
}
