/**
 * THIRD_PARTY_NOTICES.txt, written into every build (wxt.config.ts → build:publicAssets): the licence
 * of each package whose code can ship in the extension, i.e. the production dependency closure in
 * package-lock.json (types-only packages carry no code and are left out). Build-time only (Node).
 * elkjs is dual-licensed EPL-2.0 OR GPL-3.0-or-later; we use it under EPL-2.0, whose terms ask that
 * recipients be told where its source is: the notice names the source for every package.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ShippedPackage {
  name: string;
  version: string;
  license: string;
  source: string;
  licenseText: string;
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

export function shippedPackages(root: string): ShippedPackage[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string }>;
  };
  const out: ShippedPackage[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where || entry.dev || entry.devOptional) continue;
    const dir = path.join(root, where);
    const pkgFile = path.join(dir, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
    if (!pkg.main && !pkg.module && !pkg.exports && !pkg.browser) continue; // types only: no code ships
    const files = fs.readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort();
    const licenseText = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
    const repo = pkg.repository as string | { url?: string } | undefined;
    const raw = (typeof repo === 'string' ? repo : repo?.url ?? `https://www.npmjs.com/package/${String(pkg.name)}`).replace(/^git\+/, '');
    // npm's "owner/name" shorthand means GitHub
    const source = /^[\w.-]+\/[\w.-]+$/.test(raw) ? `https://github.com/${raw}` : raw.replace(/^github:/, 'https://github.com/');
    out.push({ name: String(pkg.name), version: String(pkg.version ?? entry.version ?? ''), license: String(pkg.license ?? 'UNKNOWN'), source, licenseText });
  }
  const seen = new Set<string>();
  return out.sort((a, b) => a.name.localeCompare(b.name)).filter((p) => (seen.has(`${p.name}@${p.version}`) ? false : (seen.add(`${p.name}@${p.version}`), true)));
}

export function thirdPartyNotices(root: string): string {
  const packages = shippedPackages(root);
  const head = [
    '质量奖申报助手 Award Pilot — third-party notices / 第三方软件声明',
    '',
    'This extension includes the following open-source packages. Each is listed with its version,',
    'licence, where its source code is available, and the full text of its licence.',
    '本扩展包含以下开源软件包，下面列出版本、许可证、源代码地址和许可证全文。',
    '',
    'elkjs is offered under "EPL-2.0 OR GPL-3.0-or-later"; this extension uses it under the Eclipse',
    'Public License 2.0. Its source code is available at the address given below.',
    '',
  ];
  const body = packages.flatMap((p) => [
    '='.repeat(78),
    `${p.name} ${p.version}`,
    `License: ${p.license}`,
    `Source: ${p.source}`,
    '-'.repeat(78),
    p.licenseText || `(no licence file in the package; licence per package.json: ${p.license})`,
    '',
  ]);
  return [...head, ...body].join('\n');
}
