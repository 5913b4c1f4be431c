/**
 * Autosave timing: save 1 s after the last keystroke, and at most 2 s after the first unsaved one
 * while typing goes on (so a long burst of typing is never more than 2 s unsaved).
 */
export function autosaver(save: () => Promise<void> | void, quietMs = 1000, maxMs = 2000) {
  let quiet: ReturnType<typeof setTimeout> | null = null;
  let max: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (quiet) clearTimeout(quiet);
    if (max) clearTimeout(max);
    quiet = max = null;
    void save();
  };
  return {
    touch() {
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(run, quietMs);
      if (!max) max = setTimeout(run, maxMs);
    },
    flush() {
      if (quiet || max) run();
    },
  };
}
