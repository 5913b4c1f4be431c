import { describe, expect, it } from 'vitest';
import { caseMachine, type StageMeta } from '../../../machines/case.machine.ts';
import { applicantKindTitles, caseStages, stageTitles, tierTitles } from '../../../machines/case.stages.ts';
import { stageTitle } from '../../../src/cases/index.ts';
import { tierTitle } from '../../../src/cases/reasons.ts';
import { applicantKindLabels, caseStageLabels, caseTierLabels } from '../../../src/staff/rows.ts';

describe('stage, kind and tier names have one source (machines/case.stages.ts)', () => {
  it('the machine, the refusal messages and the staff pages show the same title for every stage', () => {
    for (const s of caseStages) {
      expect((caseMachine.states[s]!.meta as StageMeta).title).toEqual(stageTitles[s]);
      expect(stageTitle(s)).toEqual(stageTitles[s]);
      expect(caseStageLabels[s]).toEqual(stageTitles[s]);
    }
    expect(caseStageLabels.draft).toEqual({ zh: '填写申报材料', en: 'Preparing the application' });
    expect(caseStageLabels.committee).toEqual({ zh: '质量发展委员会审议', en: 'Committee deliberation' });
  });

  it('tiers use the measures’ names (第三条) and kinds agree everywhere', () => {
    expect(caseTierLabels).toEqual(tierTitles);
    expect(tierTitle).toEqual(tierTitles);
    expect(caseTierLabels.nomination).toEqual({ zh: '市长质量奖提名奖', en: 'Nomination Award' });
    expect(applicantKindLabels).toEqual(applicantKindTitles);
    expect(applicantKindLabels.individual).toEqual({ zh: '个人', en: 'Individual' });
  });
});
