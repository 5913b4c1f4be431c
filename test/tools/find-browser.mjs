// Where a Chromium-family browser is on this machine: CHROMIUM_PATH first, then the usual install
// places on Linux, macOS and Windows. Chromium first: branded Google Chrome (137+) ignores
// --load-extension, which `npm start` and the tests need.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function browserCandidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    return ['Chromium', 'Microsoft Edge', 'Google Chrome'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles, env['ProgramFiles(x86)']].filter(Boolean);
    return roots.flatMap((r) => [path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'), path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/opt/microsoft/msedge/msedge', '/usr/bin/google-chrome', '/opt/google/chrome/chrome'];
}

/** The browser to use, or null. */
export function findChromium({ platform = process.platform, env = process.env, exists = fs.existsSync } = {}) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return browserCandidates(platform, env).find((p) => exists(p)) ?? null;
}

/** A CHROMIUM_PATH that names no file: said plainly instead of installing another browser. */
export function wrongChromiumPath(env = process.env, exists = fs.existsSync) {
  if (!env.CHROMIUM_PATH || exists(env.CHROMIUM_PATH)) return null;
  return `CHROMIUM_PATH 指向的文件不存在：${env.CHROMIUM_PATH}\nCHROMIUM_PATH names no file: ${env.CHROMIUM_PATH}`;
}

export const NO_BROWSER_MESSAGE = [
  '找不到 Chromium / Edge / Chrome。请安装 Chromium（Debian/Ubuntu：sudo apt-get install -y chromium），或用 CHROMIUM_PATH=<浏览器可执行文件> 指定。',
  'No Chromium, Edge or Chrome found. Install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH=<path to the browser executable>.',
].join('\n');

/** Any installed font that covers Chinese, as fontconfig sees it (`fc-list :lang=zh`). Without fontconfig (macOS, Windows): the system's own CJK fonts. */
export function hasCjkFont({ platform = process.platform, fcList = () => spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }) } = {}) {
  if (platform === 'darwin' || platform === 'win32') return true;
  const r = fcList();
  if (r.error || r.status !== 0) return false;
  return r.stdout.trim() !== '';
}

/** Branded Google Chrome (137 and later) ignores --load-extension, so `npm start` cannot load the demo build in it. */
export function ignoresLoadExtension(browserPath) {
  return /google[-_ ]?chrome|[\\/]Google[\\/]Chrome[\\/]|[\\/]opt[\\/]google[\\/]chrome[\\/]/i.test(browserPath);
}

export const BRANDED_CHROME_MESSAGE = (browserPath) => [
  `找到的是 Google Chrome（${browserPath}）：Chrome 137 起不再加载命令行指定的扩展。请安装 Chromium 或 Edge，或用 CHROMIUM_PATH=<浏览器可执行文件> 指定；也可在 chrome://extensions 打开开发者模式，“加载已解压的扩展程序”选 .output/chrome-mv3-demo。`,
  `Found Google Chrome (${browserPath}): since Chrome 137 it ignores --load-extension. Install Chromium or Edge, or set CHROMIUM_PATH=<path to the browser executable>; or load .output/chrome-mv3-demo by hand (chrome://extensions → Developer mode → Load unpacked).`,
].join('\n');
