// Issue 16: the machine's refusal of a late withdrawal names the award's own approver (第十条（六）),
// from the award's data: 市政府 for Lianyungang, 县政府 for a county, a bare 批准 where the measures
// as known name none (Jiangsu). The contract fixes only that `reason` is a string.
import { describe, expect, it } from 'vitest';
import { jiangsuGovernor2023, lianyungang2021, replayCase } from '../../../src/index.ts';
import { countyAward } from '../awards/county-pack.ts';
import { awardedLog } from './awarded-log.ts';

const awardedThenWithdraw = [...awardedLog, { type: 'withdraw', on: '2026-09-20' }] as never;

const refusal = (policy: Parameters<typeof replayCase>[1] extends infer O ? O extends { policy?: infer P } ? P : never : never) => {
  const view = replayCase(awardedThenWithdraw, { policy });
  expect(view.stage).toBe('awarded');
  expect(view.rejected).toHaveLength(1);
  return view.rejected[0]!.reason;
};

describe('a withdrawal after approval is refused in the award’s own words (issue 16)', () => {
  it('Lianyungang: 市政府', () => {
    expect(refusal(lianyungang2021)).toContain('撤回仅限于市政府批准之前');
  });
  it('a county award: 县政府, and no 市政府', () => {
    const r = refusal(countyAward);
    expect(r).toContain('撤回仅限于县政府批准之前');
    expect(r).not.toContain('市政府');
  });
  it('Jiangsu (approver unverified): a bare 批准', () => {
    const r = refusal(jiangsuGovernor2023 as never);
    expect(r).toContain('撤回仅限于批准之前');
    expect(r).not.toContain('市政府');
  });
});
