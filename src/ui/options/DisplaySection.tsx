import { useSignal } from '@preact/signals';
import { options as O } from '../../i18n/messages/options.ts';
import { LANGUAGE_SETTINGS, browserLang, type LanguageSetting } from '../../i18n/language.ts';
import { isLocked, managed, msg, prefs, savePrefs } from '../lang.ts';

/** 显示: the interface language (中文 / English / 中英对照) and the portal page's focus tips (issue 13); locked settings are shown, not offered. */
export function DisplaySection() {
  const status = useSignal<'saved' | 'failed' | null>(null);
  const current = browserLang(typeof navigator !== 'undefined' ? navigator.language : 'zh-CN');
  const langLocked = isLocked('language');
  const tipsLocked = isLocked('focusTips');
  const save = async (next: Parameters<typeof savePrefs>[0]) => {
    status.value = (await savePrefs(next)) ? 'saved' : 'failed';
  };
  const lockedNames = (managed.value?.locked ?? []).filter((k) => ['language', 'focusTips', 'portalSites', 'adapters', 'award'].includes(k));
  return (
    <div class="display-settings" data-testid="display-settings">
      {lockedNames.length > 0 && (
        <p class="locked-note" role="note" data-testid="locked-note">
          🔒 {msg(O, 'lockedBy', { what: lockedNames.map((k) => msg(O, `lock.${k}` as 'lock.language')).join(msg(O, 'lock.language') === 'language' ? ', ' : '、') })}
        </p>
      )}
      <fieldset class="lang-choice" disabled={langLocked} aria-describedby={langLocked ? 'lang-locked' : undefined}>
        <legend>{msg(O, 'lang.label')}</legend>
        {LANGUAGE_SETTINGS.map((l: LanguageSetting) => (
          <label key={l} class="choice">
            <input
              type="radio"
              name="ui-language"
              value={l}
              checked={prefs.value.language === l}
              onChange={(e) => e.isTrusted && void save({ language: l })}
            />{' '}
            {l === 'auto' ? msg(O, 'lang.auto', { current: msg(O, current === 'zh' ? 'lang.zh' : 'lang.en') }) : msg(O, `lang.${l}`)}
          </label>
        ))}
        {langLocked && <p id="lang-locked" class="hint">{msg(O, 'locked')}</p>}
      </fieldset>
      <label class="choice tips-choice">
        <input
          type="checkbox"
          data-testid="focus-tips"
          checked={prefs.value.focusTips}
          disabled={tipsLocked}
          aria-describedby="tips-hint"
          onChange={(e) => e.isTrusted && void save({ focusTips: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {msg(O, 'tips.label')}
      </label>
      <p id="tips-hint" class="hint">{tipsLocked ? msg(O, 'locked') : msg(O, 'tips.hint')}</p>
      <p class="hint" role="status" aria-live="polite">{status.value === 'saved' ? msg(O, 'saved') : status.value === 'failed' ? msg(O, 'saveFailed') : ''}</p>
    </div>
  );
}
