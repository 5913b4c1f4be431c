import { tabStateSchema, type TabState } from './panel-protocol.ts';

/** The subset of `browser.storage.session` the store needs (absent on old Firefox: memory only). */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'tab-state:';

/**
 * The latest reading per portal tab. Memory first; mirrored to storage.session so a service worker
 * that the browser stopped and restarted still knows every open tab's state (nothing hits disk).
 */
export class TabStateStore {
  private readonly states = new Map<number, TabState>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly session: SessionArea | undefined) {}

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.session) return;
      try {
        const all = await this.session.get(null);
        for (const [key, value] of Object.entries(all)) {
          if (!key.startsWith(PREFIX)) continue;
          const parsed = tabStateSchema.safeParse(value);
          if (parsed.success && !this.states.has(parsed.data.tabId)) this.states.set(parsed.data.tabId, parsed.data);
        }
      } catch {
        // storage.session unavailable: memory only
      }
    })();
    return this.loaded;
  }

  async get(tabId: number): Promise<TabState | null> {
    await this.load();
    return this.states.get(tabId) ?? null;
  }

  /** The most recently updated tab, for a panel whose own window has no portal tab active. */
  async latest(): Promise<TabState | null> {
    await this.load();
    let best: TabState | null = null;
    for (const s of this.states.values()) if (!best || s.takenAt > best.takenAt) best = s;
    return best;
  }

  async set(state: TabState): Promise<void> {
    await this.load();
    this.states.set(state.tabId, state);
    await this.session?.set({ [PREFIX + state.tabId]: state }).catch(() => undefined);
  }

  async update(tabId: number, patch: (s: TabState) => TabState): Promise<TabState | null> {
    const current = await this.get(tabId);
    if (!current) return null;
    const next = patch(current);
    await this.set(next);
    return next;
  }

  async delete(tabId: number): Promise<void> {
    await this.load();
    this.states.delete(tabId);
    await this.session?.remove(PREFIX + tabId).catch(() => undefined);
  }

  /** Forget the in-memory copy (simulates a service-worker restart in tests). */
  dropMemory(): void {
    this.states.clear();
    this.loaded = null;
  }
}
