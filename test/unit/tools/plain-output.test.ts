import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs tool without types
import { plainLine, quietEnv } from '../../tools/plain-output.mjs';

describe('plain test logs when the output is not a terminal', () => {
  it('a spinner redrawn with carriage returns becomes its final text, without escape codes', () => {
    const spinner = '\x1b[?25l\r\x1b[36m⠋\x1b[39m Preparing...\x1b[K\r⠙ [1/3] background\x1b[K\r\x1b[K\x1b[?25h\r\x1b[K\x1b[?25h\x1b[32m✔\x1b[39m Built extension in 4.8 s';
    expect(plainLine(spinner)).toBe('✔ Built extension in 4.8 s');
  });
  it('colour codes go, the text stays', () => {
    expect(plainLine('\x1b[1m\x1b[30m\x1b[46m RUN \x1b[49m\x1b[39m\x1b[22m \x1b[36mv4.1.12')).toBe(' RUN  v4.1.12');
  });
  it('no colour for children unless on a terminal; FORCE_COLOR (which forces colour even as "0") is dropped', () => {
    expect(quietEnv({ FORCE_COLOR: '0', PATH: '/bin' }, false)).toEqual({ PATH: '/bin', NO_COLOR: '1', CI: 'true' });
    expect(quietEnv({ FORCE_COLOR: '1' }, true)).toEqual({ FORCE_COLOR: '1' });
  });
});
