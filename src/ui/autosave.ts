/**
 * Autosave timing for every editor (issue 15, crash safety): a save at most `idleMs` after the last
 * change, and while changes keep coming, at most `maxWaitMs` after the first unsaved one (a debounce
 * with a maximum wait), so a crash or SIGKILL loses at most two seconds of steady typing.
 */
export const AUTOSAVE = { idleMs: 400, maxWaitMs: 2000 } as const;

export interface Autosave {
  /** something changed: schedule a save */
  touch(): void;
  /** save now if anything is pending (page hide, blur, explicit save) */
  flush(): void;
  /** drop what is pending without saving (discard) */
  cancel(): void;
  pending(): boolean;
}

export function createAutosave(write: () => void, timing: { idleMs: number; maxWaitMs: number } = AUTOSAVE): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsavedAt = 0;
  const run = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstUnsavedAt = 0;
    write();
  };
  return {
    touch() {
      const now = Date.now();
      if (!firstUnsavedAt) firstUnsavedAt = now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(timing.idleMs, firstUnsavedAt + timing.maxWaitMs - now));
      timer = setTimeout(run, wait);
    },
    flush() {
      if (timer) run();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      firstUnsavedAt = 0;
    },
    pending: () => timer !== null,
  };
}
