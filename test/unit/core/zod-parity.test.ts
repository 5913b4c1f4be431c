/**
 * Issue 19: the schemas moved to `zod/mini` accept and refuse exactly what the full zod schemas did. The corpus
 * (test/fixtures/zod-parity/corpus.json.gz) was recorded on the tree before the move by
 * test/tools/record-zod-parity.ts: per schema, generated seeds, the application fixtures, the award packs and
 * seeded random mutations, each with accept/refuse, the output, and every issue's code, path and message.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { parityTargets } from './zod-parity-targets.ts';
import { parityTargets as round3Targets } from './zod-parity-targets-round3.ts';

type Corpus = Record<string, { input: unknown; result: { ok: boolean; output?: unknown; issues?: unknown[] } }[]>;
const load = (file: string): Corpus =>
  JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/zod-parity', file))).toString('utf8'));

function outcome(schema: any, input: unknown) {
  const r = safeParse(schema, input);
  return r.success
    ? { ok: true, ...(JSON.stringify(r.data) === JSON.stringify(input) ? {} : { output: JSON.parse(JSON.stringify(r.data ?? null)) }) }
    : { ok: false, issues: r.error.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: i.message })) };
}

// corpus.json.gz: the first-paint modules, recorded on main f4f1660; corpus-round3.json.gz: the modules of the
// second move (cases, staff, experts, exports, self-evaluation, sharing), recorded on main 63a01c4 with
// `ZOD_PARITY_SET=round3 npx tsx test/tools/record-zod-parity.ts`.
for (const [title, file, targetsOf] of [
  ['first-paint modules', 'corpus.json.gz', parityTargets],
  ['round three, continued', 'corpus-round3.json.gz', round3Targets],
] as const) {
  const corpus = load(file);
  describe(`zod/mini parity with the full zod schemas (issue 19): ${title}`, () => {
    const targets = targetsOf();
    it('covers the same schemas as the recorded corpus', () => {
      expect(Object.keys(targets).sort()).toEqual(Object.keys(corpus).sort());
    });
    for (const [name, cases] of Object.entries(corpus)) {
      it(`${name}: ${cases.length} inputs, same accept/refuse, output and issues`, () => {
        const schema = targets[name]?.schema;
        expect(schema).toBeDefined();
        const diffs = cases.filter((c) => JSON.stringify(outcome(schema, c.input)) !== JSON.stringify(c.result));
        expect(diffs.slice(0, 3).map((c) => ({ input: c.input, was: c.result, now: outcome(schema, c.input) }))).toEqual([]);
      });
    }
  });
}
