// Issue 16, "must hold": changing one Lianyungang number touches one data file
// (src/awards/lianyungang-mayor/2021.ts). Checked two ways:
// - by script: the 2024 draft amendment sets none of the numbered sections (it takes them from the 2021
//   file), and no engine file writes those sections' numbers next to their article;
// - by behaviour: a pack differing in one number changes the engines' answers exactly there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, lianyungang2021, lianyungang2024Draft, replayCase } from '../../../src/index.ts';
import { replayYear, type CaseRecord } from '../../../src/cases/year.ts';
import { addDays } from '../../../src/core/dates.ts';
import { happyPath } from '../cases/fixtures.ts';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const walk = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : []));

describe('one Lianyungang number lives in one data file (issue 16)', () => {
  it('the 2024 draft sets no numbered section itself: a 2021 number changes both versions from one file', () => {
    const draft = read('src/awards/lianyungang-mayor/2024-draft.ts');
    for (const section of ['organization', 'individual', 'bans', 'lifecycle', 'quotas', 'rewards', 'selfEvaluation', 'expertPanel']) {
      expect(draft, section).not.toMatch(new RegExp(`^\\s*${section}\\s*:`, 'm'));
    }
    expect(lianyungang2024Draft.quotas).toEqual(lianyungang2021.quotas);
    expect(lianyungang2024Draft.bans).toEqual(lianyungang2021.bans);
  });

  it('no engine file writes a Lianyungang number beside its article in a message', () => {
    const engines = ['src/eligibility', 'src/cases', 'src/self-evaluation', 'src/export', 'src/ui', 'src/staff', 'machines'].flatMap(walk);
    const o = lianyungang2021.organization;
    const numbered = [
      `${o.minOperatingYears} 年`,
      `${lianyungang2021.individual.minQualityWorkYears} 年以上`,
      `${lianyungang2021.lifecycle.publicityDays} 天`,
      `不超过 ${lianyungang2021.quotas.award.max} 个`,
      `${lianyungang2021.bans.falseMaterialYears} 年内不得`,
      `${lianyungang2021.bans.mayorAwardLockYears} 年内不得`,
      '50 万元',
      '500000',
      '500_000',
    ];
    const hits = engines.flatMap((f) => {
      const text = read(f)
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
      return numbered.filter((n) => text.some((line) => line.includes(n))).map((n) => `${f}: ${n}`);
    });
    expect(hits).toEqual([]);
  });
});

describe('the engines follow one changed number (issue 16)', () => {
  const changed = <K extends keyof typeof lianyungang2021>(key: K, value: (typeof lianyungang2021)[K]) => ({ ...lianyungang2021, [key]: value });

  it('第四条 quota 3 → 4: a 4th Mayor award is approved', () => {
    const cases: CaseRecord[] = Array.from({ length: 4 }, (_, i) => ({ id: `c${i}`, year: 2026, kind: 'organization', events: happyPath('organization', 'award', addDays('2026-03-02', i)) }));
    const quotas = { ...lianyungang2021.quotas, award: { ...lianyungang2021.quotas.award, max: 4 } };
    expect(replayYear(cases).cases.filter((c) => c.view.stage === 'awarded')).toHaveLength(3);
    expect(replayYear(cases, { policy: changed('quotas', quotas) }).cases.filter((c) => c.view.stage === 'awarded')).toHaveLength(4);
  });

  it('第十条(五) publicity 7 → 10 days: an end on day 7 is refused', () => {
    const log = happyPath('organization', 'award');
    const i = log.findIndex((e) => e.type === 'publicity-end');
    const posted = log.find((e) => e.type === 'committee-approve')!.on;
    const short = [...log.slice(0, i), { type: 'publicity-end', on: addDays(posted, 7) }] as never;
    expect(replayCase(short).stage).toBe('approval');
    expect(replayCase(short, { policy: changed('lifecycle', { ...lianyungang2021.lifecycle, publicityDays: 10 }) }).stage).toBe('publicity');
  });

  it('第八条(一) 3 → 4 years of operation: a 3-year-old organisation no longer passes 8.1', () => {
    const app = {
      format: 'lyg-award/application@1',
      year: 2026,
      submittedOn: '2026-06-30',
      applicant: { kind: 'organization', name: '示例', registeredInLianyungang: true, independentLegalPerson: true, policyCompliant: true, establishedOn: '2023-06-01', operationInterrupted: false },
    };
    const rule = (policy?: typeof lianyungang2021) => evaluateEligibility(app as never, policy ? { policy } : undefined).findings.find((f) => f.rule === '8.1')!.status;
    expect(rule()).toBe('pass');
    expect(rule(changed('organization', { ...lianyungang2021.organization, minOperatingYears: 4 }))).toBe('fail');
  });
});
