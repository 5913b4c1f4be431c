import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs tool without types
import { BRANDED_CHROME_MESSAGE, findChromium, hasCjkFont, ignoresLoadExtension, wrongChromiumPath } from '../../tools/find-browser.mjs';

const only = (...present: string[]) => (p: string) => present.includes(p);

describe('npm start finds a browser and a CJK font anywhere', () => {
  it('CHROMIUM_PATH wins; a wrong one is not silently replaced', () => {
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/x/chrome' }, exists: only('/x/chrome', '/usr/bin/chromium') })).toBe('/x/chrome');
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/nope' }, exists: only('/usr/bin/chromium') })).toBeNull();
  });
  it('a CHROMIUM_PATH naming no file is said plainly; a right one or none is no problem', () => {
    expect(wrongChromiumPath({ CHROMIUM_PATH: '/nope' }, only())).toMatch(/CHROMIUM_PATH 指向的文件不存在：\/nope[\s\S]*names no file: \/nope/);
    expect(wrongChromiumPath({ CHROMIUM_PATH: '/x/chrome' }, only('/x/chrome'))).toBeNull();
    expect(wrongChromiumPath({}, only())).toBeNull();
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
  it('branded Google Chrome is named as unable to load the demo build; Chromium and Edge are not', () => {
    for (const chrome of ['/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']) {
      expect(ignoresLoadExtension(chrome), chrome).toBe(true);
    }
    for (const other of ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/microsoft-edge', '/Applications/Chromium.app/Contents/MacOS/Chromium', 'C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe']) {
      expect(ignoresLoadExtension(other), other).toBe(false);
    }
    expect(BRANDED_CHROME_MESSAGE('/usr/bin/google-chrome')).toMatch(/CHROMIUM_PATH[\s\S]*CHROMIUM_PATH/);
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
