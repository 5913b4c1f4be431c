import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { defaultPolicy, individualDimensions, individualReadiness, qualityWorkYearsMet } from '../../../src/index.ts';

describe('individual self-evaluation (第九条)', () => {
  it('has the four conditions, each citing its clause, with evidence to attach', () => {
    const dims = individualDimensions();
    expect(dims.map((d) => d.id)).toEqual(['9.1', '9.2', '9.3', '9.4']);
    expect(dims.map((d) => d.article)).toEqual(['第九条(一)', '第九条(二)', '第九条(三)', '第九条(四)']);
    for (const d of dims) {
      expect(d.evidence.length).toBeGreaterThan(0);
      expect(d.requirement.zh).toContain(d.article);
    }
    expect(dims[0]!.requirement.zh).toContain(`${defaultPolicy.individual.minQualityWorkYears} 年以上`);
  });

  it('reads the years from the policy pack', () => {
    const policy = { ...defaultPolicy, individual: { ...defaultPolicy.individual, minQualityWorkYears: 5 } };
    expect(individualDimensions(policy)[0]!.requirement.en).toContain('At least 5 years');
    expect(qualityWorkYearsMet('2021-06-30', '2026-06-30', policy)).toBe(true);
  });

  it('9(1): exactly 10 years before counts, one day short does not (第九条(一))', () => {
    expect(qualityWorkYearsMet('2016-06-30', '2026-06-30')).toBe(true);
    expect(qualityWorkYearsMet('2016-07-01', '2026-06-30')).toBe(false);
    expect(qualityWorkYearsMet('2016-02-29', '2026-02-28')).toBe(true); // Feb 29 + 10 years = Feb 28
    expect(qualityWorkYearsMet(null, '2026-06-30')).toBeNull();
  });

  it('9(4) applies only to a head of an organisation; missing evidence is listed', () => {
    const base = { headsOrganization: false, dimensions: { '9.2': { self: 'meets', evidenceReady: ['credit-report'] } } };
    const r = individualReadiness(base);
    expect(r.map((x) => x.id)).toEqual(['9.1', '9.2', '9.3']);
    const d92 = r.find((x) => x.id === '9.2')!;
    expect(d92.self).toBe('meets');
    expect(d92.missingEvidence.map((e) => e.id)).toEqual(['no-crime', 'employer-opinion']);
    expect(individualReadiness({ ...base, headsOrganization: true }).map((x) => x.id)).toContain('9.4');
  });

  it('rejects a malformed assessment', () => {
    expect(() => individualReadiness({ dimensions: { '9.1': { self: 'great' } } })).toThrow(ZodError);
    expect(() => individualReadiness({ qualityWorkSince: '2016-02-30' })).toThrow(ZodError);
  });
});
