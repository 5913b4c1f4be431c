// Issue 19: the built-in award packs are shipped code, so they are checked against their schemas here (at build
// time) instead of by a parse on every page load. Parsing must accept each pack and give it back unchanged (no key
// stripped, no default added), so skipping the load-time parse changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awards, jiangsuGovernor2023, lianyungang2021, lianyungang2024Draft } from '../../../src/awards/index.ts';
import { awardPackSchema, policyPackSchema } from '../../../src/policy/schema.ts';

const root = path.resolve(__dirname, '../../..');
const all = Object.values(awards).flat();

describe('built-in award packs are valid (issue 19: checked here, not at load)', () => {
  it('lists every shipped pack', () => {
    expect(all).toEqual([lianyungang2021, lianyungang2024Draft, jiangsuGovernor2023]);
  });

  it.each(all.map((p) => [p.id, p] as const))('%s: the award-pack schema accepts it and gives it back unchanged', (_id, pack) => {
    const parsed = awardPackSchema.safeParse(pack);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toStrictEqual(JSON.parse(JSON.stringify(pack)));
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(pack));
  });

  it.each([lianyungang2021, lianyungang2024Draft].map((p) => [p.id, p] as const))('%s: a complete pack also passes the stricter policy-pack schema unchanged', (_id, pack) => {
    const parsed = policyPackSchema.safeParse(pack);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(pack));
  });

  it('a broken pack would be caught: the schema refuses a pack with a number of the wrong kind', () => {
    const broken = { ...lianyungang2021, organization: { ...lianyungang2021.organization, minOperatingYears: '3' } };
    expect(policyPackSchema.safeParse(broken).success).toBe(false);
    expect(awardPackSchema.safeParse(broken).success).toBe(false);
  });

  it('the pack files import only types from the schema (no zod at load)', () => {
    const files = ['src/awards/lianyungang-mayor/2021.ts', 'src/awards/lianyungang-mayor/2024-draft.ts', 'src/awards/lianyungang-mayor/award.ts', 'src/awards/jiangsu-governor/2023.ts', 'src/awards/index.ts'];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      expect(text, f).not.toMatch(/^import\s+\{[^}]*\}\s+from\s+['"][^'"]*(policy\/schema|zod)/m);
      expect(text, f).not.toMatch(/\.parse\(/);
    }
  });
});
