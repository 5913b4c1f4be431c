import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs tool without types
import { findChromium, hasCjkFont } from '../../tools/find-browser.mjs';

const only = (...present: string[]) => (p: string) => present.includes(p);

describe('npm start finds a browser and a CJK font anywhere', () => {
  it('CHROMIUM_PATH wins; a wrong one is not silently replaced', () => {
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/x/chrome' }, exists: only('/x/chrome', '/usr/bin/chromium') })).toBe('/x/chrome');
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/nope' }, exists: only('/usr/bin/chromium') })).toBeNull();
  });
  it('Linux: Chromium, else Edge, else Chrome', () => {
    expect(findChromium({ platform: 'linux', env: {}, exists: only('/usr/bin/microsoft-edge', '/usr/bin/google-chrome') })).toBe('/usr/bin/microsoft-edge');
    expect(findChromium({ platform: 'linux', env: {}, exists: only() })).toBeNull();
  });
  it('macOS and Windows install places', () => {
    expect(findChromium({ platform: 'darwin', env: {}, exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') })).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({ platform: 'win32', env: { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, exists: only(edge) })).toBe(edge);
  });
  it('any font fontconfig lists for Chinese counts; none, or no fontconfig, does not', () => {
    expect(hasCjkFont({ platform: 'linux', fcList: () => ({ status: 0, stdout: 'Noto Sans CJK SC\n' }) })).toBe(true);
    expect(hasCjkFont({ platform: 'linux', fcList: () => ({ status: 0, stdout: '\n' }) })).toBe(false);
    expect(hasCjkFont({ platform: 'linux', fcList: () => ({ error: new Error('ENOENT'), status: null, stdout: '' }) })).toBe(false);
  });
  it('this machine: fontconfig sees a CJK font (the e2e screenshots need one)', () => {
    expect(hasCjkFont()).toBe(true);
  });
});
