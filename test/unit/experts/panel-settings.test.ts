import { describe, expect, it } from 'vitest';
import { groupSizeNote, marginNote, panelSettingsFor } from '../../../src/experts/panel-settings.ts';
import { lianyungang2021 } from '../../../src/awards/index.ts';

describe('expert panel settings come from the award data', () => {
  it('Lianyungang: 3 experts and a 20-point margin, both the office’s choice under 第六条', () => {
    const s = panelSettingsFor({ awardId: 'lianyungang-mayor', versionId: '2021' });
    expect(s).toMatchObject({ groupSize: lianyungang2021.expertPanel!.groupSize, spreadMargin: lianyungang2021.expertPanel!.spreadMargin, setBy: 'office', article: '第六条' });
    expect(groupSizeNote(s).zh).toBe('默认 3 人是市质量发展委员会办公室的工作安排：办法（第六条）只规定由办公室组建专家组，没有规定人数，可按需修改。');
    expect(marginNote(s).zh).toContain('20 个百分点是市质量发展委员会办公室的工作安排');
  });
  it('an award whose data do not say leaves the number to the office, without guessing', () => {
    const s = panelSettingsFor({ awardId: 'jiangsu-governor', versionId: '2023' });
    expect(s.groupSize).toBeNull();
    expect(groupSizeNote(s).zh).toContain('没有规定专家组人数');
  });
  it('the 2024 draft names the renamed office', () => {
    expect(groupSizeNote(panelSettingsFor({ awardId: 'lianyungang-mayor', versionId: '2024-draft' })).zh).toContain('市质量发展和食品药品安全委员会办公室');
  });
});
