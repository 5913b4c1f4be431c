import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksGenerated } from '../../../src/portal/dom/propose.ts';

// The demo portal and many libraries give a field a name or id of a prefix and 4 random hex digits per load
// (`rc_` + 0x0000–0xffff). An anchor proposed from one of them breaks on the next load, so none may be proposed.
describe('looksGenerated: ids and names that change between loads', () => {
  it('every prefix + 4 random hex digits counts as generated, letters-only draws included (rc_beef, field_cafe)', () => {
    fc.assert(
      fc.property(fc.constantFrom('rc_', 'field_', 'el-id-', 'f-'), fc.integer({ min: 0, max: 0xffff }), (prefix, n) => {
        expect(looksGenerated(prefix + n.toString(16).padStart(4, '0'))).toBe(true);
      }),
      { numRuns: 500, examples: [['rc_', 0xbeef], ['field_', 0xcafe], ['rc_', 0xabcd]] },
    );
  });
  it('names people write stay usable anchors', () => {
    for (const name of ['creditCode', 'applicant_name', 'establishedOn', 'qms-certificates', 'registered_trademarks']) expect(looksGenerated(name)).toBe(false);
  });
});
