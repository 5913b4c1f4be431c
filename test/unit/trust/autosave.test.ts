// Issue 15 item 6: every editor saves within 1 s of the last keystroke and at most every 2 s while
// typing continues (a maximum wait), so a crash loses at most 2 s of steady typing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE, createAutosave } from '../../../src/ui/autosave.ts';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('autosave timing (issue 15 item 6)', () => {
  it('the limits: ≤ 1 s after the last keystroke, ≤ 2 s between saves while typing', () => {
    expect(AUTOSAVE.idleMs).toBeLessThanOrEqual(1000);
    expect(AUTOSAVE.maxWaitMs).toBeLessThanOrEqual(2000);
  });

  it('5 s of steady typing (a key every 100 ms) is saved at least every 2 s, and once more after the last key', () => {
    const saves: number[] = [];
    const autosave = createAutosave(() => saves.push(Date.now()));
    const start = Date.now();
    for (let t = 0; t < 5000; t += 100) {
      autosave.touch();
      vi.advanceTimersByTime(100);
    }
    const lastKey = start + 4900;
    vi.advanceTimersByTime(1000);
    expect(saves.length).toBeGreaterThanOrEqual(3);
    const times = [start, ...saves];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(2000);
    expect(saves[saves.length - 1]! - lastKey).toBeLessThanOrEqual(1000);
    expect(saves[saves.length - 1]! - lastKey).toBeGreaterThanOrEqual(0);
  });

  it('flush writes at once what is pending, and nothing when nothing is', () => {
    const write = vi.fn();
    const autosave = createAutosave(write);
    autosave.flush();
    expect(write).not.toHaveBeenCalled();
    autosave.touch();
    autosave.flush();
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(write).toHaveBeenCalledTimes(1);
    expect(autosave.pending()).toBe(false);
  });
});

describe('the profile editor uses it (the audit lost 5 s of typing there)', () => {
  it('ProfileEditor has no plain debounce of its own', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync('entrypoints/options/ProfileEditor.tsx', 'utf8');
    expect(src).toContain('createAutosave');
    expect(src).not.toMatch(/setTimeout\(writeDraft/);
  });
});
