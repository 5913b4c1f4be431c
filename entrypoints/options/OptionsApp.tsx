import { LazySlot } from '@/src/ui/panel/LazySlot.tsx';
import { DisplaySection } from '@/src/ui/options/DisplaySection.tsx';
import { options as O } from '@/src/i18n/messages/options.ts';
import { entry } from '@/src/i18n/define.ts';
import { msg } from '@/src/ui/lang.ts';
import { ProfileEditor } from './ProfileEditor.tsx';

// Other areas' sections, each a default-export component with no props; mounted when they exist.
const permissionsSection = import.meta.glob('/src/ui/options/PermissionsSection.tsx');
const backupSection = import.meta.glob('/src/ui/options/BackupSection.tsx');
const adapterSection = import.meta.glob('/src/ui/options/AdapterSection.tsx');
const sharingSection = import.meta.glob('/src/ui/options/SharingSection.tsx');

/** Options: display, portal addresses, the organisation profile, backups, portal adapters (words: src/i18n/messages/options.ts). */
export function OptionsApp() {
  return (
    <div class="options">
      <header class="options-head">
        <span class="brand-mark" aria-hidden="true" translate={false}>
          质
        </span>
        <div>
          <h1>{msg(O, 'title')}</h1>
          <div class="sub">{msg(O, 'subtitle')}</div>
        </div>
        <a class="btn head-help" href="/help.html" target="_blank" rel="noopener" data-testid="options-help">
          {msg(O, 'help')}
        </a>
      </header>
      <main class="options-main">
        <section class="options-section" aria-labelledby="sec-display">
          <h2 id="sec-display">{msg(O, 'sec.display')}</h2>
          <DisplaySection />
        </section>
        <section class="options-section" aria-labelledby="sec-permissions">
          <h2 id="sec-permissions">{msg(O, 'sec.permissions')}</h2>
          <LazySlot loaders={permissionsSection} props={{}} name={entry(O, 'lazy.permissions')} />
        </section>
        <section class="options-section" aria-labelledby="sec-profile">
          <h2 id="sec-profile">{msg(O, 'sec.profile')}</h2>
          <ProfileEditor />
        </section>
        <section class="options-section" aria-labelledby="sec-backup">
          <h2 id="sec-backup">{msg(O, 'sec.backup')}</h2>
          <LazySlot loaders={backupSection} props={{}} name={entry(O, 'lazy.backup')} />
        </section>
        <section class="options-section" aria-labelledby="sec-adapters">
          <h2 id="sec-adapters">{msg(O, 'sec.adapters')}</h2>
          <LazySlot loaders={adapterSection} props={{}} name={entry(O, 'lazy.adapters')} />
        </section>
        <section class="options-section" aria-labelledby="sec-sharing">
          <h2 id="sec-sharing">{msg(O, 'sec.sharing')}</h2>
          <LazySlot loaders={sharingSection} props={{}} name={entry(O, 'lazy.sharing')} />
        </section>
      </main>
    </div>
  );
}
