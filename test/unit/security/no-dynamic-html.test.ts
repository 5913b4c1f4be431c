import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Portal strings are untrusted and every surface is a privileged extension origin: no HTML parsing
 * of strings and no code from strings, anywhere in our code (addons-linter does not honour inline
 * disables, so these are removed, not suppressed).
 */
const ROOT = process.cwd();
const SCANNED = ['src', 'entrypoints', 'machines'];
const BANNED: { name: string; pattern: RegExp }[] = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML assignment', pattern: /\bouterHTML\s*\+?=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'eval(', pattern: /(?<![\w.$])eval\s*\(/ },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'Function( constructor call', pattern: /(?<![\w.$])Function\s*\(\s*['"`]/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(ln)?\s*\(/ },
  { name: 'string setTimeout/setInterval', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|js|mjs|jsx|html)$/.test(entry)) yield full;
  }
}

/** Comments explaining why something is banned are fine; code is not. */
function stripComments(line: string, inBlock: { value: boolean }): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (inBlock.value) {
      const end = line.indexOf('*/', i);
      if (end < 0) return out;
      inBlock.value = false;
      i = end + 2;
    } else if (line.startsWith('/*', i)) {
      inBlock.value = true;
      i += 2;
    } else if (line.startsWith('//', i) && !/:$/.test(out)) {
      return out;
    } else {
      out += line[i];
      i++;
    }
  }
  return out;
}

function scan(root: string, dirs: string[]): string[] {
  const hits: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(resolve(root, dir))) {
      const rel = relative(root, file).replace(/\\/g, '/');
      const inBlock = { value: false };
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = stripComments(line, inBlock);
          const found = BANNED.find(({ pattern }) => pattern.test(code));
          if (found) hits.push(`${rel}:${i + 1}: ${found.name}: ${line.trim().slice(0, 120)}`);
        });
    }
  }
  return hits;
}

describe('no HTML or code from strings in our sources', () => {
  it(`${SCANNED.join(', ')} contain none of: ${BANNED.map((b) => b.name).join(', ')}`, () => {
    expect(scan(ROOT, SCANNED)).toEqual([]);
  });

  it('the scanner itself finds each banned construct, with file:line', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src', 'bad.tsx'),
      [
        'el.innerHTML = label;',
        'el.outerHTML = x;',
        "el.insertAdjacentHTML('beforeend', x);",
        '<div dangerouslySetInnerHTML={{ __html: x }} />;',
        'eval(code);',
        "const f = new Function('a', 'return a');",
        "setTimeout('alert(1)', 1);",
        '// el.innerHTML in a comment is fine',
        'if (el.outerHTML === x) {}',
        'const retrieval = (x) => x; retrieval(1);',
      ].join('\n'),
    );
    const hits = scan(dir, ['src']);
    expect(hits.map((h) => h.split(':').slice(0, 2).join(':'))).toEqual(['src/bad.tsx:1', 'src/bad.tsx:2', 'src/bad.tsx:3', 'src/bad.tsx:4', 'src/bad.tsx:5', 'src/bad.tsx:6', 'src/bad.tsx:7']);
  });
});
