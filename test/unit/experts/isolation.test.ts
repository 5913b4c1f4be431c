import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The applicant never sees the experts' scores: no applicant surface imports the expert panel or reads its keys. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(p) ? [p] : [];
  });
}
describe('applicant surfaces have no path to scorebooks', () => {
  const surfaces = ['src/ui/panel', 'src/ui/self-evaluation', 'entrypoints/sidepanel', 'entrypoints/portal.content', 'src/portal', 'src/messaging'];
  it('no import of src/experts, no experts/ setting key, no `.review` read', () => {
    const all = surfaces.flatMap((d) => files(d));
    expect(all.length).toBeGreaterThan(20);
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/experts\//);
      expect(text, f).not.toMatch(/\.review\b/);
    }
  });
});
