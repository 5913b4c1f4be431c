import { countChars, profileLength, type OrganisationProfile } from '../../self-evaluation/index.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { PolicyPack } from '../../policy/schema.ts';
import { Bi } from './Bi.tsx';

const b1Hints = { zh: '主要产品和服务；文化、使命、愿景、价值观；员工构成；关键技术与设施；法规环境；组织结构与治理；主要顾客、相关方、供方及其要求。', en: 'Main products and services; culture, mission, vision and values; workforce; key technologies and facilities; regulatory environment; structure and governance; key customers, stakeholders and suppliers, and what they require.' };
const b2Hints = { zh: '竞争地位与主要对手；关键成功因素；对比数据来源及其局限；经营、运营、人力资源方面的战略挑战和优势；绩效改进系统。', en: 'Competitive position and main competitors; key success factors; sources of comparative data and their limits; strategic challenges and advantages in business, operations and people; the performance improvement system.' };

/** GB/Z 19579-2012 附录B 组织概述, with a live count against policy.selfEvaluation.profileMaxChars. */
export function ProfileSection({ profile, onChange, onBlur, policy = defaultPolicy }: {
  profile: OrganisationProfile; onChange: (p: OrganisationProfile) => void; onBlur: () => void; policy?: PolicyPack;
}) {
  const used = profileLength(profile);
  const max = policy.selfEvaluation.profileMaxChars;
  const over = used > max;
  return (
    <section class="se-section" aria-labelledby="se-profile-h">
      <h3 id="se-profile-h"><Bi text={{ zh: '组织概述', en: 'Organisational profile' }} /></h3>
      <p class="se-note"><Bi text={{ zh: '评价从组织概述开始（GB/Z 19579-2012 附录B）。', en: 'Evaluation starts from the profile (GB/Z 19579-2012 Annex B).' }} /></p>
      <p class={over ? 'se-counter over' : 'se-counter'} role="status" aria-live="polite" data-testid="profile-count">
        <Bi text={over
          ? { zh: `${used} / ${max} 字 · 超出 ${used - max} 字`, en: `${used} / ${max} characters · ${used - max} over the cap` }
          : { zh: `${used} / ${max} 字 · 不计空格`, en: `${used} / ${max} characters, excluding spaces` }} />
      </p>
      <label class="se-field" for="se-profile-b1"><Bi text={{ zh: 'B.1 组织描述（环境与关系）', en: 'B.1 Organisational description (environment, relationships)' }} /></label>
      <p class="se-hint"><Bi text={b1Hints} /></p>
      <textarea id="se-profile-b1" rows={8} value={profile.description} data-testid="profile-description"
        onInput={(e) => onChange({ ...profile, description: e.currentTarget.value })} onBlur={onBlur} />
      <p class="se-note"><Bi text={{ zh: `${countChars(profile.description)} 字`, en: `${countChars(profile.description)} characters` }} /></p>
      <label class="se-field" for="se-profile-b2"><Bi text={{ zh: 'B.2 组织面临的挑战', en: 'B.2 Organisational challenges' }} /></label>
      <p class="se-hint"><Bi text={b2Hints} /></p>
      <textarea id="se-profile-b2" rows={8} value={profile.challenges} data-testid="profile-challenges"
        onInput={(e) => onChange({ ...profile, challenges: e.currentTarget.value })} onBlur={onBlur} />
      <p class="se-note"><Bi text={{ zh: `${countChars(profile.challenges)} 字`, en: `${countChars(profile.challenges)} characters` }} /></p>
    </section>
  );
}
