import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, parseApplication } from '../../../src/index.ts';

const dir = join(import.meta.dirname, '../../fixtures/applications');
const load = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;

describe('fixture applications', () => {
  it.each([
    ['eligible-organization.json', 'eligible', []],
    ['eligible-individual.json', 'eligible', []],
    ['ineligible-organization-too-young.json', 'ineligible', ['8.1']],
    ['ineligible-organization-accident-and-lock.json', 'ineligible', ['8.5', '8.6', '16']],
    ['ineligible-individual-short-experience.json', 'ineligible', ['9.1', '14']],
    ['incomplete-organization-half-filled.json', 'incomplete', []],
  ])('%s is a valid file with verdict %s, failing %j', (file, verdict, fails) => {
    const data = load(file);
    expect(parseApplication(data).ok).toBe(true);
    const report = evaluateEligibility(data);
    expect(report.verdict).toBe(verdict);
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => f.rule)).toEqual(fails);
  });

  it('the half-filled form says what to fill in, in both languages', () => {
    const report = evaluateEligibility(load('incomplete-organization-half-filled.json'));
    const f81 = report.findings.find((f) => f.rule === '8.1')!;
    expect(f81.status).toBe('needs-evidence');
    expect(f81.message.zh).toContain('未填写“生产经营符合国家产业、环保、节能、质量安全政策”');
    expect(f81.message.en).toContain('is not given: fill it in and attach proof');
    expect(report.findings.find((f) => f.rule === '8.5')!.message.zh).toContain('仅有 1 个年度的数据，至少需要 2 个年度');
  });
});
