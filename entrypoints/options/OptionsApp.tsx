import { LazySlot } from '@/src/ui/panel/LazySlot.tsx';
import { ProfileEditor } from './ProfileEditor.tsx';

// Other areas' sections, each a default-export component with no props; mounted when they exist.
const permissionsSection = import.meta.glob('/src/ui/options/PermissionsSection.tsx');
const backupSection = import.meta.glob('/src/ui/options/BackupSection.tsx');
const adapterSection = import.meta.glob('/src/ui/options/AdapterSection.tsx');

/** Options: portal addresses, the organisation profile, backups, portal adapters. */
export function OptionsApp() {
  return (
    <div class="options" lang="zh-CN">
      <header class="options-head">
        <span class="brand-mark" aria-hidden="true">
          质
        </span>
        <div>
          <h1>质量奖申报助手 · 设置</h1>
          <div class="en" lang="en">
            Award Pilot · Options. Everything stays in this browser: no server, no account.
          </div>
        </div>
      </header>
      <main class="options-main">
        <section class="options-section" aria-labelledby="sec-permissions">
          <h2 id="sec-permissions">
            申报系统网址 <span class="en">Portal addresses</span>
          </h2>
          <LazySlot loaders={permissionsSection} props={{}} name={{ zh: '网址授权', en: 'portal permissions' }} />
        </section>
        <section class="options-section" aria-labelledby="sec-profile">
          <h2 id="sec-profile">
            申报主体资料（用于自动填表） <span class="en">Applicant profile (for prefill)</span>
          </h2>
          <ProfileEditor />
        </section>
        <section class="options-section" aria-labelledby="sec-backup">
          <h2 id="sec-backup">
            备份与恢复 <span class="en">Backup and restore</span>
          </h2>
          <LazySlot loaders={backupSection} props={{}} name={{ zh: '备份', en: 'backup' }} />
        </section>
        <section class="options-section" aria-labelledby="sec-adapters">
          <h2 id="sec-adapters">
            申报系统适配器 <span class="en">Portal adapters</span>
          </h2>
          <LazySlot loaders={adapterSection} props={{}} name={{ zh: '适配器编辑器', en: 'the adapter editor' }} />
        </section>
      </main>
    </div>
  );
}
