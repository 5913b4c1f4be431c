// On a fresh Debian machine the browsers the product and its tests run in are not there yet.
// Install Debian's packages when we may (root with apt-get); otherwise say what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { NO_BROWSER_MESSAGE, findChromium, hasCjkFont, wrongChromiumPath } from './find-browser.mjs';

/** @param {{ pkg: string, present: () => boolean }[]} needs */
export function ensureDebianPackages(needs) {
  const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  // a mistyped CHROMIUM_PATH is the person's to fix; installing Debian's chromium would not help
  if (missing.includes('chromium') && wrongChromiumPath()) {
    console.error(wrongChromiumPath());
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    if (missing.includes('chromium') && process.platform !== 'linux') {
      console.error(NO_BROWSER_MESSAGE);
      process.exit(1);
    }
    console.error(`缺少软件包，请先安装：sudo apt-get install -y ${missing.join(' ')}\nMissing packages. Install them first: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`安装 Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`安装失败 Installing ${missing.join(' ')} failed`);
      process.exit(r.status ?? 1);
    }
  }
}

// Any Chromium-family browser (Linux, macOS, Windows or CHROMIUM_PATH) will do; Debian's chromium is what gets installed.
export const CHROMIUM = { pkg: 'chromium', present: () => findChromium() !== null };
export const FIREFOX = { pkg: 'firefox-esr', present: () => fs.existsSync('/usr/bin/firefox-esr') || Boolean(process.env.FIREFOX_PATH) };
// Any installed font that covers Chinese (fontconfig), not one particular file.
export const CJK_FONT = { pkg: 'fonts-wqy-microhei', present: () => hasCjkFont() };
// Export checks: spreadsheets round-trip through LibreOffice Calc, the 自评报告 converts to PDF with Writer.
export const LIBREOFFICE_CALC = { pkg: 'libreoffice-calc-nogui', present: () => fs.existsSync('/usr/lib/libreoffice/program/scalc') || fs.existsSync('/usr/lib/libreoffice/program/libscfiltlo.so') };
export const LIBREOFFICE_WRITER = { pkg: 'libreoffice-writer-nogui', present: () => fs.existsSync('/usr/lib/libreoffice/program/swriter') || fs.existsSync('/usr/lib/libreoffice/program/libswlo.so') };
export const POPPLER = { pkg: 'poppler-utils', present: () => fs.existsSync('/usr/bin/pdftotext') };
