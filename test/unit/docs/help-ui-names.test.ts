// The 帮助 pages must name the UI as it is (issue 17): every name quoted in 「」 in the help texts exists
// in the UI sources outside the help texts themselves, so a renamed button breaks this test, not the guide.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { help } from '../../../src/i18n/messages/help.ts';

const quotedUiNames = (text: string) => [...text.matchAll(/「([^」]+)」/g)].map((m) => m[1]!.trim());
const root = path.resolve(__dirname, '../../..');
function sourcesText(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !p.endsWith(path.join('messages', 'help.ts'))) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'entrypoints'));
  walk(path.join(root, 'src'));
  return out.join('\n');
}

describe('help pages name the UI as it is', () => {
  const names = [...new Set(Object.values(help.zh).flatMap((s) => quotedUiNames(s)))];
  it('quote UI names at all', () => expect(names.length).toBeGreaterThanOrEqual(12));
  it('every 「name」 exists in the UI sources', () => {
    const sources = sourcesText();
    expect(names.filter((n) => !sources.includes(n))).toEqual([]);
  });
});
