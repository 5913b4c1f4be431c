import { catalogueItems, type ItemId } from '../../../src/self-evaluation/catalogue.ts';
import { foldScorebook, type Scorebook, type ScorebookEvent } from '../../../src/experts/index.ts';

export const T0 = '2026-09-01T08:00:00.000Z';
let n = 0;
export const eid = () => `e${++n}`;

export function book(expertId: string, percents: Partial<Record<ItemId, number | null>>, opts: { conflict?: boolean; verify?: Partial<Record<ItemId, string>> } = {}): Scorebook {
  const events: ScorebookEvent[] = [
    { id: eid(), expert: expertId, at: T0, type: 'declare', declaration: opts.conflict ? { conflict: true, relations: ['consulting'], statement: '' } : { conflict: false, relations: [], statement: '' } },
  ];
  if (!opts.conflict) {
    for (const item of catalogueItems) {
      const p = percents[item.id];
      if (p !== undefined) events.push({ id: eid(), expert: expertId, at: T0, type: 'score', item: item.id, percent: p });
      const v = opts.verify?.[item.id];
      if (v) events.push({ id: eid(), expert: expertId, at: T0, type: 'comment', item: item.id, field: 'verify', text: v });
    }
  }
  return {
    id: `book-${expertId}`,
    version: 0,
    subject: { caseId: 'case-1', year: 2026, kind: 'organization', applicantName: '连云港海州精密机械有限公司', creditCode: null, packageSha256: null },
    expert: { id: expertId, name: `专家${expertId}`, affiliation: '' },
    events,
  };
}

export const state = (b: Scorebook) => foldScorebook(b);
