// Issue 16: parts of the staff page that show no single case name stages and tiers in the words of the
// award the listed cases are judged by, never a hard-coded default.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../src/storage/index.ts';
import { listNames, namesOfCase } from '../../../src/ui/staff/award-names.ts';
import { cases, loadAll, year } from '../../../src/ui/staff/store.ts';
import { freshDb } from '../storage/fresh-db.ts';

beforeEach(async () => {
  await freshDb();
  cases.value = new Map();
  year.value = 2027;
});

const lyg = { awardId: 'lianyungang-mayor', versionId: '2021' };
const js = { awardId: 'jiangsu-governor', versionId: '2023' };
const seed = async (list: [string, typeof lyg][]) => {
  for (const [id, award] of list) await createCase({ id, year: 2027, kind: 'organization', applicantName: `${id} 公司`, award });
  await loadAll();
};

describe('stage and tier names for pages with no single case (issue 16)', () => {
  it('a year of Jiangsu cases only: the Jiangsu award’s words', async () => {
    await seed([['js-1', js]]);
    expect(listNames.value.stages.approval.zh).toBe('批准');
    expect(listNames.value.stages.committee.zh).toContain('省质量发展委员会');
    expect(listNames.value.tiers.award.zh).toBe('省长质量奖');
    expect(listNames.value.events['government-approve'].zh).toBe('批准');
  });

  it('a year of Lianyungang cases: Lianyungang’s', async () => {
    await seed([['lyg-1', lyg]]);
    expect(listNames.value.stages.approval.zh).toBe('市政府批准');
    expect(listNames.value.tiers.award.zh).toBe('市长质量奖');
  });

  it('a year mixing both: names no one award owns; each row in its own award', async () => {
    await seed([['lyg-1', lyg], ['js-1', js]]);
    expect(listNames.value.stages.approval.zh).toBe('批准');
    expect(listNames.value.stages.committee.zh).toBe('委员会审议');
    expect(listNames.value.tiers.award.zh).toBe('奖项');
    expect(namesOfCase('lyg-1').stages.approval.zh).toBe('市政府批准');
    expect(namesOfCase('js-1').tiers.award.zh).toBe('省长质量奖');
  });
});
