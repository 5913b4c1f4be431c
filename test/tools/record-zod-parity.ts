/**
 * Records how the schemas that the extension's first-paint pages load accept and refuse a corpus of inputs
 * (issue 19: the move to `zod/mini` must accept and refuse exactly what the full schemas did).
 * Run once on the tree before the change: `npx tsx test/tools/record-zod-parity.ts`; the unit test
 * test/unit/core/zod-parity.test.ts replays the stored corpus against today's schemas.
 *
 * Corpus per schema: seeds generated from the schema's own JSON Schema (every union branch), the project's
 * application fixtures and award packs, and seeded random mutations of each seed (fast-check).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { z } from 'zod';
import { parityTargets as firstTargets } from '../unit/core/zod-parity-targets.ts';
import { parityTargets as round3Targets } from '../unit/core/zod-parity-targets-round3.ts';

// ZOD_PARITY_SET=round3: the modules of the second move (round three continued), recorded into corpus-round3.json.gz
const round3 = process.env.ZOD_PARITY_SET === 'round3';
const parityTargets = round3 ? round3Targets : firstTargets;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function seedsFrom(js: any, defs: Record<string, any>, depth = 0): Json[] {
  if (!js || depth > 8) return [null];
  if (js.$ref) return seedsFrom(defs[js.$ref.replace('#/$defs/', '')], defs, depth + 1);
  if (js.const !== undefined) return [js.const];
  if (js.enum) return js.enum.slice(0, 3);
  const alts = js.anyOf ?? js.oneOf;
  if (alts) return alts.flatMap((a: any) => seedsFrom(a, defs, depth + 1));
  const t = Array.isArray(js.type) ? js.type[0] : js.type;
  switch (t) {
    case 'object': {
      const props = js.properties ?? {};
      let outs: Record<string, Json>[] = [{}];
      for (const [k, v] of Object.entries(props)) {
        const opts = seedsFrom(v, defs, depth + 1);
        // branch out for the first keys with alternatives (bounded), else take the first
        if (opts.length > 1 && outs.length < 12) outs = outs.flatMap((o) => opts.slice(0, 4).map((x) => ({ ...o, [k]: x })));
        else outs = outs.map((o) => ({ ...o, [k]: opts[0] ?? null }));
      }
      if (js.additionalProperties && typeof js.additionalProperties === 'object' && !js.properties) {
        outs = seedsFrom(js.additionalProperties, defs, depth + 1).slice(0, 2).map((x) => ({ k: x }));
      }
      return outs;
    }
    case 'array': {
      const items = seedsFrom(js.items ?? {}, defs, depth + 1);
      return [[], items.slice(0, 2)];
    }
    case 'string':
      if (js.format === 'date') return ['2024-05-01'];
      return [js.pattern ? 'x' : 'x'.repeat(Math.max(1, js.minLength ?? 1))];
    case 'integer':
    case 'number':
      return [js.minimum ?? js.exclusiveMinimum ?? 1];
    case 'boolean':
      return [true];
    case 'null':
      return [null];
    default:
      return ['x'];
  }
}

const weird: Json[] = [null, '', 'x', ' x ', 0, -1, 1.5, 1e9, true, false, [], {}, '2023-02-30', '2024-01-01', 'a'.repeat(5000), [null], { extra: 1 }];

function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
function setAt(v: Json, p: (string | number)[], to: Json | undefined): Json {
  if (p.length === 0) return (to === undefined ? null : to) as Json;
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) };
  const h = p[0]!;
  const rest = p.slice(1);
  if (rest.length === 0) {
    if (to === undefined) Array.isArray(copy) ? copy.splice(h as number, 1) : delete copy[h];
    else copy[h] = to;
  } else copy[h] = setAt(copy[h], rest, to);
  return copy;
}
function mutations(seed: Json, n: number, rng: number): Json[] {
  const ps = paths(seed);
  const arb = fc.tuple(fc.nat(ps.length - 1), fc.oneof(fc.constantFrom<Json | undefined>(undefined, ...weird.filter((w) => typeof w !== 'string' || w.length < 100), 'a'.repeat(1001)), fc.jsonValue() as fc.Arbitrary<Json>), fc.nat(3));
  return fc.sample(arb, { numRuns: n, seed: rng }).map(([i, to, extraKey]) => {
    const p = ps[i]!;
    if (extraKey === 0 && p.length) return setAt(seed, [...p.slice(0, -1), 'unexpectedKey'], to === undefined ? 1 : to);
    return setAt(seed, p, to);
  });
}

export function outcome(schema: z.core.$ZodType, input: unknown) {
  const r = z.safeParse(schema as z.ZodType, input);
  return r.success
    ? { ok: true as const, ...(JSON.stringify(r.data) === JSON.stringify(input) ? {} : { output: JSON.parse(JSON.stringify(r.data ?? null)) }) }
    : { ok: false as const, issues: r.error.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: i.message })) };
}

const out: Record<string, { input: Json; result: ReturnType<typeof outcome> }[]> = {};
let seedNo = 1;
for (const [name, { schema, extraSeeds }] of Object.entries(parityTargets())) {
  let js: any = {};
  try {
    js = z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' });
  } catch {
    js = {};
  }
  const seeds = [...(extraSeeds ?? []), ...seedsFrom(js, js.$defs ?? {})].slice(0, 40) as Json[];
  const corpus: Json[] = [...seeds, ...weird];
  for (const s of seeds) corpus.push(...mutations(s, JSON.stringify(s).length > 3000 ? 5 : 25, seedNo++));
  corpus.push(...(fc.sample(fc.jsonValue(), { numRuns: 20, seed: seedNo++ }) as Json[]));
  out[name] = corpus.map((input) => ({ input, result: outcome(schema, input) }));
}
const file = path.join(import.meta.dirname, `../fixtures/zod-parity/${round3 ? 'corpus-round3' : 'corpus'}.json.gz`);
fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(out), { level: 9 }));
const n = Object.values(out).flat();
console.log(`${Object.keys(out).length} schemas, ${n.length} inputs, ${n.filter((x) => x.result.ok).length} accepted → ${file}`);
