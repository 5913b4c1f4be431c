/**
 * Issue 19: `applicationJsonSchema()` gives the same JSON Schema after the move to `zod/mini` as the full zod
 * schemas gave on main (test/fixtures/zod-parity/application-json-schema.json, recorded before the move).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { applicationJsonSchema } from '../../../src/index.ts';

it('applicationJsonSchema() equals the schema recorded before the zod/mini move', () => {
  const recorded = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/zod-parity/application-json-schema.json'), 'utf8'));
  expect(applicationJsonSchema()).toEqual(recorded);
});
