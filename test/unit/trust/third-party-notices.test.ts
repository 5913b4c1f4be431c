// Issue 15 item 8: the package ships third-party notices (elkjs EPL-2.0 and the rest), generated from
// the licences in node_modules for every package whose code can ship.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { shippedPackages, thirdPartyNotices } from '../../../src/build/third-party-notices.ts';

const root = process.cwd();

describe('third-party notices (issue 15 item 8)', () => {
  it('lists every runtime dependency named in package.json, each with its licence text and source', () => {
    const deps = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies as Record<string, string>);
    const listed = shippedPackages(root);
    for (const dep of deps) expect(listed.map((p) => p.name), dep).toContain(dep);
    for (const p of listed) {
      // A package that ships no licence file (exceljs's `binary`, for one) is listed with the licence its
      // package.json declares; every other one with its full text.
      // `buffers` (a dependency of exceljs's unzipper) declares no licence in package.json; its README says MIT/X11.
      if (p.licenseText.length === 0 && p.name !== 'buffers') expect(p.license, p.name).not.toBe('UNKNOWN');
      else if (p.licenseText.length > 0) expect(p.licenseText.length, p.name).toBeGreaterThan(100);
      expect(p.source, p.name).toMatch(/^https?:\/\/|^git|^ssh:\/\//);
    }
    expect(listed.map((p) => p.name)).not.toContain('@types/node'); // types only: no code ships
  });

  it('names elkjs under EPL-2.0 with the Eclipse licence text and where its source is', () => {
    const text = thirdPartyNotices(root);
    const elk = text.slice(text.indexOf('elkjs '));
    expect(elk).toMatch(/License: EPL-2\.0/);
    expect(elk).toContain('Eclipse Public License');
    expect(elk).toMatch(/Source: .*elkjs/i);
    expect(text).toContain('Eclipse\nPublic License 2.0');
  });

  it('the build writes it into the package (wxt.config.ts), next to the project LICENSE', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    expect(config).toContain("relativeDest: 'THIRD_PARTY_NOTICES.txt'");
    expect(existsSync('LICENSE')).toBe(true);
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/MIT License/);
    expect(existsSync('PRIVACY.md')).toBe(true);
  });
});
