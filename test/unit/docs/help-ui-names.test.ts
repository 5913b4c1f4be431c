// The 帮助 pages must name the UI as it is (issue 17): every name quoted in 「」 in the help texts exists
// in the UI sources outside the help texts themselves, so a renamed button breaks this test, not the guide.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { help } from '../../../src/i18n/messages/help.ts';
import { quotedUiNames, uiSourcesText } from './ui-sources.ts';

const sourcesText = () => uiSourcesText((p) => p.endsWith(path.join('messages', 'help.ts')));

describe('help pages name the UI as it is', () => {
  const names = [...new Set(Object.values(help.zh).flatMap((s) => quotedUiNames(s)))];
  it('quote UI names at all', () => expect(names.length).toBeGreaterThanOrEqual(12));
  it('every 「name」 exists in the UI sources', () => {
    const sources = sourcesText();
    expect(names.filter((n) => !sources.includes(n))).toEqual([]);
  });
});
