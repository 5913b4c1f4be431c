// The README must name the UI as it is: every name it quotes in 「」 must occur in the UI sources
// (entrypoints/ and src/, .ts/.tsx), so a renamed menu or button breaks this test, not a user's first day.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotedUiNames, uiSourcesText } from './ui-sources.ts';

const root = path.resolve(__dirname, '../../..');
const sourcesText = () => uiSourcesText();

function missingNames(markdown: string, sources: string): string[] {
  return [...new Set(quotedUiNames(markdown))].filter((name) => !sources.includes(name));
}

describe('README names the UI as it is', () => {
  const sources = sourcesText();
  it('quotes UI names at all (the check is not vacuous)', () => {
    expect(quotedUiNames(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(8);
  });
  it('every 「name」 in README.md exists in the UI sources', () => {
    expect(missingNames(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), sources)).toEqual([]);
  });
  it('the menu the README used to name (选项 → 门户网站授权) is caught', () => {
    expect(missingNames('在「选项」→「门户网站授权」中授权', sources)).toContain('门户网站授权');
  });
});
