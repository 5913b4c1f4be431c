// Eligibility pre-check of one application, as the side panel reruns it on every field change
// (contract §2), through the pure core's public entry. Target: mean under 1 ms (budgets.json precheckMs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { evaluateEligibility, parseApplication } from '../../src/index.ts';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/applications', name), 'utf8')) as unknown;
const organization = fixture('eligible-organization.json');
const individual = fixture('eligible-individual.json');
const halfFilled = fixture('incomplete-organization-half-filled.json');

describe('eligibility', () => {
  bench('pre-check of one application (organisation, every fact given)', () => {
    evaluateEligibility(organization);
  });
  bench('pre-check of one application (individual heading an organisation)', () => {
    evaluateEligibility(individual);
  });
  bench('pre-check of one half-filled application (needs-evidence paths)', () => {
    evaluateEligibility(halfFilled);
  });
  bench('parseApplication of one application (schema only)', () => {
    parseApplication(organization);
  });
});
