// Issue 19: the staff page replays cases with the table read from machines/case.definition.ts; its
// static import graph (what loads at first paint) must not reach xstate. Follows the sources' static
// value imports from the page's entry; `import type` and dynamic import() are left out, as the bundler does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w$*{}\s,]*?\s*from\s*)?['"]([^'"]+)['"]/g;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Bare package specifiers reached from `entry` through static value imports, with one chain each. */
function packagesFrom(entry: string, seen = new Set<string>()): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const queue: [string, string[]][] = [[entry, [path.relative(root, entry)]]];
  while (queue.length) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx|js|mjs)$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC)) {
      if (m[2]) continue; // import type / export type
      const spec = m[3]!;
      if (spec.startsWith('.')) {
        const next = resolve(file, spec.split('?')[0]!);
        if (next) queue.push([next, [...chain, path.relative(root, next)]]);
      } else if (!packages.has(spec)) packages.set(spec, [...chain, spec]);
    }
  }
  return packages;
}

describe('the staff page loads no xstate at first paint (issue 19)', () => {
  it('no static value import from entrypoints/dashboard reaches xstate', () => {
    const packages = packagesFrom(path.join(root, 'entrypoints/dashboard/main.tsx'));
    expect(packages.has('preact')).toBe(true); // the walk does reach the page's packages
    const xstate = [...packages].filter(([spec]) => spec === 'xstate' || spec.startsWith('xstate/'));
    expect(xstate.map(([, chain]) => chain.join(' → '))).toEqual([]);
  });
});

describe('the staff page loads its on-demand parts on demand (issue 19)', () => {
  it('the expert group, the after-award duties and import/export are not in the first-paint import graph', () => {
    const files = new Set<string>();
    packagesFrom(path.join(root, 'entrypoints/dashboard/main.tsx'), files);
    const rel = [...files].map((f) => path.relative(root, f));
    expect(rel).toContain('src/ui/staff/StaffApp.tsx'); // the walk does reach the console's own files
    for (const lazy of ['src/ui/staff/CaseView.tsx', 'src/ui/staff/ExpertGroup.tsx', 'src/ui/staff/AfterAward.tsx', 'src/ui/staff/ImportExport.tsx', 'src/self-evaluation/catalogue.ts', 'src/staff/import-formats.ts']) {
      expect(rel, lazy).not.toContain(lazy);
    }
  });
});
