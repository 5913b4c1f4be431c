import type { IsoDate } from '../core/calendar.ts';
import type { Bilingual } from '../core/i18n.ts';
import { measuresLabel, packOfRecord, type AwardRef } from '../awards/index.ts';
import type { AwardPack } from '../policy/schema.ts';

type CaseLike = { id: string; award?: AwardRef | undefined; createdAt?: string | undefined };

export type SummaryMeasures = { ok: true; pack: AwardPack } | { ok: false; message: Bilingual };

const comprehensive: Bilingual = { zh: '综合评价报告', en: 'The comprehensive evaluation report' };

/**
 * The measures a 综合评价报告 is written under (issue 16): those of the cases it ranks, each by the award and
 * version its record names (a record from before issue 16 by the version in force when it was created).
 * An unknown version, or cases under different measures, are said in words: the report ranks one award's
 * cases against one quota, so nothing is guessed and nothing is exported.
 */
export function summaryMeasures(panels: readonly { caseId: string }[], cases: readonly CaseLike[], today: () => IsoDate, report: Bilingual = comprehensive): SummaryMeasures {
  const notExported = (zh: string, en: string): SummaryMeasures => ({ ok: false, message: { zh: `${report.zh}未导出：${zh}`, en: `${report.en} was not exported: ${en}` } });
  const packs = new Map<string, AwardPack>();
  for (const panel of panels) {
    const c = cases.find((x) => x.id === panel.caseId);
    if (!c) continue;
    let pack: AwardPack;
    try {
      pack = packOfRecord(c, today);
    } catch {
      const label = measuresLabel(c.award);
      return notExported(`案件 ${c.id} 记录的是${label.zh}，本版本助手不认识，无法按其办法排名。请升级助手后再导出。`, `case ${c.id} records an ${label.en} this version of the assistant does not know, so it cannot be ranked under its measures. Update the assistant, then export again.`);
    }
    packs.set(pack.id, pack);
  }
  if (packs.size > 1) {
    const labels = [...packs.values()].map((p) => measuresLabel({ awardId: p.award.id, versionId: p.version.id }));
    return notExported(`所选案件适用不同的办法（${labels.map((l) => l.zh).join('；')}），不能按同一名额排名。请按办法分别评审后再导出。`, `the cases fall under different measures (${labels.map((l) => l.en).join('; ')}) and cannot be ranked against one quota. Review them per measures, then export.`);
  }
  const [only] = packs.values();
  return { ok: true, pack: only ?? packOfRecord({}, today) };
}
