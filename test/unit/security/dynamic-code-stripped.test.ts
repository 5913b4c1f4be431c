import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewrites, stripDynamicCode } from '../../../src/permissions/strip-dynamic-code.ts';

const ROOT = process.cwd();
const DEP_FILES = [
  'node_modules/zod/v4/core/util.js',
  'node_modules/zod/v4/core/doc.js',
  'node_modules/zod/v4/core/compile.js',
  'node_modules/preact/dist/preact.mjs',
  'node_modules/exceljs/dist/exceljs.min.js',
  'node_modules/pouchdb-utils/lib/index-browser.es.js',
];

function transform(file: string): string {
  const plugin = stripDynamicCode();
  const errors: string[] = [];
  const ctx = { error: (m: string) => errors.push(m) } as never;
  const id = resolve(ROOT, file);
  const out = (plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null).call(ctx, readFileSync(id, 'utf8'), id);
  expect(errors).toEqual([]);
  expect(out, `${file} was rewritten`).not.toBeNull();
  return out!.code;
}

describe('build-time removal of dependency dynamic code (web-ext lint: 0 warnings)', () => {
  it('every rewrite still matches the installed zod, preact, exceljs and PouchDB', () => {
    for (const file of DEP_FILES) transform(file);
    expect(rewrites).toHaveLength(8);
  });

  it('leaves no Function constructor call in PouchDB (lazy-loaded when sharing is set up, issue 20)', () => {
    for (const file of ['node_modules/pouchdb-utils/lib/index-browser.es.js', 'node_modules/pouchdb-utils/lib/index.es.js']) {
      const code = transform(file);
      expect(code, file).not.toMatch(/Function\.apply\(/);
      expect(code, file).toContain('design-document functions are not run in Award Pilot');
    }
  });

  it('leaves no Function constructor call in exceljs (lazy-loaded by the staff page)', () => {
    expect(transform('node_modules/exceljs/dist/exceljs.min.js')).not.toMatch(/[^\w.]Function\(["`]/);
  });

  it('leaves no Function constructor in zod and no innerHTML write in preact', () => {
    for (const file of DEP_FILES.slice(0, 3)) {
      const code = transform(file);
      expect(code, file).not.toMatch(/=\s*Function\s*;/);
      expect(code, file).not.toMatch(/new F\(/);
    }
    expect(transform('node_modules/preact/dist/preact.mjs')).not.toMatch(/\.innerHTML\s*=/);
  });

  it('fails the build, naming the file, when a dependency changed under it', () => {
    const plugin = stripDynamicCode();
    const errors: string[] = [];
    const ctx = { error: (m: string) => errors.push(m) } as never;
    (plugin.transform as (this: unknown, code: string, id: string) => unknown).call(ctx, 'export const allowsEval = 1;', '/x/node_modules/zod/v4/core/util.js');
    expect(errors[0]).toContain('zod allowsEval probe');
    expect(errors[0]).toContain('node_modules/zod/v4/core/util.js');
  });
});

describe('zod runs jitless on every extension surface', () => {
  function* entryFiles(dir: string): Generator<string> {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) yield* entryFiles(full);
      else if (/^(main\.tsx?|index\.tsx?|background\.ts)$/.test(entry) || /^[\w-]+\.ts$/.test(entry)) yield full;
    }
  }

  it('pages and the background call config({ jitless: true }) (zod/mini since issue 19); content scripts do not import zod', () => {
    const problems: string[] = [];
    for (const file of entryFiles(resolve(ROOT, 'entrypoints'))) {
      const rel = relative(ROOT, file).replace(/\\/g, '/');
      const text = readFileSync(file, 'utf8');
      const isContent = /\.content(\/|\.ts$)/.test(rel);
      if (isContent) {
        if (/from ['"]zod(\/[a-z]+)?['"]/.test(text)) problems.push(`${rel}: content script imports zod`);
      } else if (/(main\.tsx?|background\.ts)$/.test(rel) && !/\b(z\.)?config\(\{\s*jitless:\s*true\s*\}\)/.test(text)) {
        problems.push(`${rel}: no z.config({ jitless: true })`);
      }
    }
    expect(problems).toEqual([]);
  });
});
