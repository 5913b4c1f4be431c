import { afterEach, describe, expect, it, vi } from 'vitest';
import { autosaver } from '../../../src/ui/experts/autosave.ts';

afterEach(() => vi.useRealTimers());
describe('autosave timing', () => {
  it('saves 1 s after the last keystroke, and no later than 2 s while typing continues', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const a = autosaver(save);
    a.touch();
    vi.advanceTimersByTime(999);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    // typing every 300 ms for 5 s: saved at least every 2 s
    for (let t = 0; t < 5000; t += 300) {
      a.touch();
      vi.advanceTimersByTime(300);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1 + 2);
    a.flush();
    const n = save.mock.calls.length;
    vi.advanceTimersByTime(5000);
    expect(save.mock.calls.length).toBe(n);
  });
});
