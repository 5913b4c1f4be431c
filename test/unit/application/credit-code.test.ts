import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_WEIGHTS, creditCodeCheckChar, isValidCreditCode, parseApplication } from '../../../src/index.ts';
import { creditCode } from '../eligibility/arbitraries.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses the 31-character alphabet without I, O, Z, S, V and the 3^i mod 31 weights', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('accepts known valid codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a sum divisible by 31 to check character 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(true);
  });

  it('refuses wrong length, lower case and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('91350100O000100Y43')).toBe(false);
    expect(isValidCreditCode(91350100)).toBe(false);
    expect(creditCodeCheckChar('9135010IM000100Y4')).toBeNull();
  });

  it('every generated code with its computed check character is valid', () => {
    fc.assert(fc.property(creditCode, (code) => isValidCreditCode(code)));
  });

  it('any single-character change of a valid code is refused', () => {
    fc.assert(
      fc.property(
        creditCode,
        fc.nat({ max: 17 }),
        fc.constantFrom(...CREDIT_CODE_ALPHABET.split('')),
        (code, at, replacement) => {
          fc.pre(code.charAt(at) !== replacement);
          const mutated = code.slice(0, at) + replacement + code.slice(at + 1);
          expect(isValidCreditCode(mutated)).toBe(false);
        },
      ),
    );
  });

  it('a bad check character is a validation error naming the field in zh and en', () => {
    const result = parseApplication({
      format: 'lyg-award/application@1',
      year: 2026,
      submittedOn: '2026-06-30',
      applicant: { kind: 'organization', creditCode: '91350100M000100Y44' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('applicant.creditCode');
    expect(result.errors[0]!.message.zh).toContain('统一社会信用代码');
    expect(result.errors[0]!.message.zh).toContain('校验码');
    expect(result.errors[0]!.message.en).toContain('Unified social credit code');
    expect(result.errors[0]!.message.en).toContain('check character');
  });

  it('a code with a forbidden letter gets one message about the characters, not about the check', () => {
    const result = parseApplication({
      format: 'lyg-award/application@1',
      year: 2026,
      submittedOn: '2026-06-30',
      applicant: { kind: 'organization', creditCode: '91350100M000100S43' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message.en).toContain('I, O, Z, S, V');
  });
});
