// The UI's own sources (entrypoints/ and src/, .ts/.tsx) as one text, for the tests that check a guide names the UI as it is.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export function uiSourcesText(skip: (file: string) => boolean = () => false): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !skip(p)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'entrypoints'));
  walk(path.join(root, 'src'));
  return out.join('\n');
}

/** Names quoted in 「」 in a guide's text. */
export function quotedUiNames(text: string): string[] {
  return [...text.matchAll(/「([^」]+)」/g)].map((m) => m[1]!.trim());
}
