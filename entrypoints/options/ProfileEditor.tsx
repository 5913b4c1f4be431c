import { useSignal } from '@preact/signals';
import { Bi } from '@/src/ui/panel/text.tsx';
import { plain, t } from '@/src/ui/staff/Bi.tsx';
import { useEffect, useRef } from 'preact/hooks';
import { fieldLabel } from '@/src/application/labels.ts';
import { PROFILE_ID } from '@/src/messaging/profile-id.ts';
import type * as Repos from '@/src/storage/repos.ts';
import type { Bilingual } from '@/src/core/i18n.ts';
import { writeHeldTyping } from './held-typing.ts';
import {
  draftOverProfile,
  emptyProfileForm,
  PROFILE_DRAFT_SETTING,
  sameProfileForm,
  toProfileForm,
  type CertificateRow,
  type ProfileForm,
  type ProfileKey,
  type SingleKey,
} from './profile-form.ts';
import { createAutosave } from '@/src/ui/autosave.ts';
import { articleNumberEn } from '@/src/core/articles.ts';
// The profile's fields are the Lianyungang application's (lyg-award/application@1): its articles name the groups.
import { lianyungangClauses } from '@/src/awards/lianyungang-mayor/award.ts';

/** What the editor reads and writes: the stores' four functions (a test can hand in slow ones). */
export type ProfileStores = Pick<typeof Repos, 'getProfile' | 'getSetting' | 'saveProfile' | 'setSetting'>;

// The stores (and the case machinery they bring) are not part of the page's first load (issue 19, options size
// budget). Their load starts when this module runs, beside the first render; every use below is asynchronous.
// Typing before they arrive is held (`touched`), merged field by field over the stored profile (typed wins),
// and written as a draft the moment they arrive; a store that cannot load fails like a read.
let storesLoading: Promise<ProfileStores> | null = null;
export const loadProfileStores = (): Promise<ProfileStores> =>
  (storesLoading ??= import('@/src/storage/repos.ts').catch((error) => {
    storesLoading = null; // a later call retries
    throw error;
  }));
void loadProfileStores().catch(() => undefined);
// The form's check on save needs the profile's zod schema: it loads beside the stores, and Save waits for the stores.
let checkLoading: Promise<typeof import('./profile-check.ts')> | null = null;
const loadProfileCheck = () =>
  (checkLoading ??= import('./profile-check.ts').catch((error) => {
    checkLoading = null; // a later save retries
    throw error;
  }));
void loadProfileCheck().catch(() => undefined);

/** A fieldset's legend with the article its conditions sit in, from the award's data. */
const groupLegend = (zh: string, en: string, ref: string) => {
  const article = lianyungangClauses[ref]!.article;
  return t(`${zh}（${article}）`, `${en} (Art. ${articleNumberEn(article)})`);
};

type Form = ProfileForm;
/** BroadcastChannel on which a saved profile is announced to the other options tabs */
const PROFILE_CHANNEL = 'award-pilot-profile';

const PRODUCT_LEVELS: { value: string; zh: string; en: string }[] = [
  { value: 'international-advanced', zh: '国际先进', en: 'International advanced' },
  { value: 'national-advanced', zh: '国内先进', en: 'National advanced' },
  { value: 'provincial-advanced', zh: '省内先进', en: 'Provincial advanced' },
  { value: 'below-provincial', zh: '省内先进以下', en: 'Below provincial advanced' },
];

/**
 * The profile the side panel's 填入资料 fills into the portal form. What is typed but not saved yet is
 * kept as a draft (closing the page loses nothing) and offered back when the page opens again.
 */
export function ProfileEditor({ stores = loadProfileStores }: { stores?: () => Promise<ProfileStores> } = {}) {
  const getProfile: ProfileStores['getProfile'] = async (...a) => (await stores()).getProfile(...a);
  const getSetting: ProfileStores['getSetting'] = async (...a) => (await stores()).getSetting(...a);
  const saveProfile: ProfileStores['saveProfile'] = async (...a) => (await stores()).saveProfile(...a);
  const setSetting: ProfileStores['setSetting'] = async (...a) => (await stores()).setSetting(...a);
  const form = useSignal<Form>(emptyProfileForm);
  const saved = useSignal<Form>(emptyProfileForm);
  const errors = useSignal<Partial<Record<ProfileKey, { zh: string; en: string }>>>({});
  const status = useSignal<'idle' | 'saved' | 'error' | 'restored' | 'conflict'>('idle');
  /** the stores' own words for a save refused as stale (their StorageError's userMessage) */
  const conflictText = useSignal<Bilingual | null>(null);
  /** the stored profile's version this view is based on: a save from an older one is refused (issue 15) */
  const baseVersion = useRef(0);
  /** fields typed before the stored profile arrived: the load fills every other field */
  const touched = useRef(new Set<ProfileKey>());
  const loaded = useRef(false);
  /** Save waits for the stored profile (saving before it arrives would drop its fields) */
  const ready = useSignal(false);
  const loadFailed = useSignal(false);
  // saves ≤ 0.4 s after the last key and ≤ 2 s apart while typing continues (src/ui/autosave.ts)
  const autosave = useRef(createAutosave(() => writeDraft())).current;

  useEffect(() => {
    Promise.all([getProfile(PROFILE_ID), getSetting(PROFILE_DRAFT_SETTING).catch(() => undefined)]).then(
      ([record, draft]) => {
        const stored = toProfileForm(record?.data);
        baseVersion.current = record?.version ?? 0;
        saved.value = stored;
        // a draft holds every field, or only those typed before the stores arrived (held typing): field by field
        const pending = draft ? draftOverProfile(stored, draft) : null;
        const restored = pending !== null && !sameProfileForm(pending, stored);
        const base = restored ? pending : stored;
        // a late load never overwrites what was typed meanwhile: only the untouched fields are filled
        const merged = { ...base };
        for (const key of touched.current) (merged as Record<ProfileKey, unknown>)[key] = form.value[key];
        form.value = merged;
        if (restored) status.value = 'restored';
        loaded.current = true;
        ready.value = true;
        if (touched.current.size > 0) writeDraft();
      },
      () => {
        // Never show an empty form over a profile that could not be read: saving it would wipe the profile.
        loadFailed.value = true;
      },
    );
    const flush = () => autosave.flush();
    addEventListener('pagehide', flush);
    // Another options tab saved: a view with no unsaved edits shows it at once; one with edits merges on its next save.
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(PROFILE_CHANNEL) : null;
    if (channel) channel.onmessage = () => {
      if (loaded.current && sameProfileForm(form.value, saved.value)) void refreshFromStore();
    };
    return () => {
      removeEventListener('pagehide', flush);
      channel?.close();
    };
  }, []);

  /** Take the stored profile as the new base; fields typed here since stay as typed. */
  async function refreshFromStore() {
    const record = await getProfile(PROFILE_ID);
    const stored = toProfileForm(record?.data);
    baseVersion.current = record?.version ?? 0;
    const keep = !sameProfileForm(form.value, saved.value);
    const merged = { ...stored };
    if (keep) for (const key of touched.current) (merged as Record<ProfileKey, unknown>)[key] = form.value[key];
    saved.value = stored;
    form.value = merged;
  }

  function writeDraft() {
    autosave.cancel();
    if (!loaded.current) {
      // the stores have not arrived: write only the typed fields over the stored draft, with bare IndexedDB
      void writeHeldTyping(PROFILE_DRAFT_SETTING, form.value, touched.current);
      return;
    }
    const value = sameProfileForm(form.value, saved.value) ? null : { ...form.value };
    void setSetting(PROFILE_DRAFT_SETTING, value).catch(() => undefined);
  }

  const set = (key: ProfileKey, value: string | string[] | CertificateRow[]) => {
    touched.current.add(key);
    form.value = { ...form.value, [key]: value };
    status.value = 'idle';
    autosave.touch();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!loaded.current) return;
    const snapshot = form.value;
    let checked: import('./profile-check.ts').ProfileCheck;
    try {
      checked = (await loadProfileCheck()).checkProfileForm(snapshot);
    } catch {
      status.value = 'error'; // the check could not load: nothing is written, the draft keeps the text
      return;
    }
    if (!checked.ok) {
      // Bad input changes nothing stored: name the field and say what is wrong (the draft keeps the text).
      errors.value = checked.errors;
      status.value = 'error';
      return;
    }
    errors.value = {};
    try {
      const record = await saveProfile({ id: PROFILE_ID, data: JSON.parse(JSON.stringify(checked.data)) }, { durability: 'strict', expectedVersion: baseVersion.current });
      baseVersion.current = record.version ?? baseVersion.current + 1;
      saved.value = snapshot;
      touched.current.clear();
      try {
        const channel = new BroadcastChannel(PROFILE_CHANNEL);
        channel.postMessage({ type: 'profile-saved', version: baseVersion.current });
        channel.close();
      } catch {
        // no BroadcastChannel: other tabs still refuse a stale save
      }
      // typing during the save stays a draft: only what was saved counts as saved
      if (sameProfileForm(form.value, snapshot)) {
        autosave.cancel();
        await setSetting(PROFILE_DRAFT_SETTING, null).catch(() => undefined);
      } else {
        writeDraft();
      }
      status.value = 'saved';
    } catch (err) {
      if ((err as { kind?: string }).kind === 'conflict') {
        conflictText.value = (err as { userMessage?: Bilingual }).userMessage ?? null;
        // saved elsewhere meanwhile: nothing was written; show the latest, keep what was typed here
        await refreshFromStore().catch(() => undefined);
        status.value = 'conflict';
        return;
      }
      status.value = 'error';
    }
  };

  const discard = () => {
    form.value = saved.value;
    errors.value = {};
    status.value = 'idle';
    autosave.cancel();
    void setSetting(PROFILE_DRAFT_SETTING, null).catch(() => undefined);
  };

  const text = (key: SingleKey, type: 'text' | 'date' = 'text', placeholder: { zh: string; en: string } | null = null) => (
    <label class="field">
      <span>
        <Bi text={fieldLabel(key)} />
      </span>
      <input
        type={type as "text"}
        name={key}
        value={form.value[key]}
        placeholder={placeholder ? plain(placeholder) : undefined}
        aria-invalid={!!errors.value[key]}
        onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
      />
      {errors.value[key] && (
        <span class="field-error" role="alert">
          <Bi text={errors.value[key]!} />
        </span>
      )}
    </label>
  );
  const choice = (key: SingleKey) => (
    <label class="field">
      <span>
        <Bi text={fieldLabel(key)} />
      </span>
      <select name={key} value={form.value[key]} onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{plain(t('未填写', 'Not given'))}</option>
        <option value="yes">{plain(t('是', 'Yes'))}</option>
        <option value="no">{plain(t('否', 'No'))}</option>
      </select>
    </label>
  );

  const certificates = () => {
    const rows = form.value['applicant.qmsCertificates'];
    const update = (i: number, patch: Partial<CertificateRow>) => set('applicant.qmsCertificates', rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    const label = fieldLabel('applicant.qmsCertificates');
    const error = errors.value['applicant.qmsCertificates'];
    return (
      <div class="field certificates" role="group" aria-label={plain(label)} data-testid="profile-certificates">
        <span>
          <Bi text={label} />
        </span>
        {rows.map((row, i) => (
          <div class="certificate-row" key={i}>
            <input
              type="text"
              aria-label={plain(t(`认证标准（第 ${i + 1} 张）`, `Standard (certificate ${i + 1})`))}
              placeholder="GB/T 19001-2016"
              value={row.standard}
              onInput={(e) => update(i, { standard: (e.currentTarget as HTMLInputElement).value })}
            />
            <input
              type="date"
              aria-label={plain(t(`有效期至（第 ${i + 1} 张）`, `Valid until (certificate ${i + 1})`))}
              value={row.validUntil}
              onInput={(e) => update(i, { validUntil: (e.currentTarget as HTMLInputElement).value })}
            />
            <button type="button" class="btn-link" onClick={() => set('applicant.qmsCertificates', rows.filter((_, j) => j !== i))}>
              <Bi text={t('删除', 'Remove')} />
            </button>
          </div>
        ))}
        {rows.length < 10 && (
          <button type="button" class="btn-link" onClick={() => set('applicant.qmsCertificates', [...rows, { standard: '', validUntil: '' }])}>
            <Bi text={t('+ 添加证书', 'Add a certificate')} />
          </button>
        )}
        {error && (
          <span class="field-error" role="alert">
            <Bi text={error} />
          </span>
        )}
      </div>
    );
  };

  /** 所属行业: several texts, as the portal words them; Enter, 添加 or leaving the box adds what was typed */
  const pendingIndustry = useSignal('');
  const industries = () => {
    const key = 'applicant.industry';
    const items = form.value[key];
    const label = fieldLabel(key);
    const add = () => {
      const item = pendingIndustry.value.trim();
      pendingIndustry.value = '';
      if (item !== '' && !items.includes(item) && items.length < 20) set(key, [...items, item]);
    };
    return (
      <div class="field tags" role="group" aria-label={plain(label)} data-testid="profile-industry">
        <span>
          <Bi text={label} />
        </span>
        {items.length > 0 && (
          <ul class="tag-list">
            {items.map((item) => (
              <li class="tag" key={item}>
                <span translate={false}>{item}</span>
                <button type="button" class="btn-link" aria-label={plain(t(`删除：${item}`, `Remove: ${item}`))} onClick={() => set(key, items.filter((x) => x !== item))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {items.length < 20 && (
          <div class="tag-add">
            <input
              type="text"
              aria-label={plain(t(`添加${label.zh}`, `Add an industry`))}
              placeholder={plain(t('按申报系统中的名称填写，可填多个', 'As the portal names it; several allowed'))}
              value={pendingIndustry.value}
              onInput={(e) => (pendingIndustry.value = (e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                add();
              }}
              onBlur={add}
            />
            <button type="button" class="btn-link" onClick={add}>
              <Bi text={t('添加', 'Add')} />
            </button>
          </div>
        )}
      </div>
    );
  };

  /** 所在地区: the path, top level first (province, city, district…); at least three boxes, up to six */
  const region = () => {
    const key = 'applicant.region';
    const path = form.value[key];
    const label = fieldLabel(key);
    const error = errors.value[key];
    const shown = Math.min(6, Math.max(3, path.length + (path.length >= 3 && path[path.length - 1]?.trim() ? 1 : 0)));
    const update = (i: number, value: string) => {
      const next = Array.from({ length: Math.max(path.length, i + 1) }, (_, j) => (j === i ? value : path[j] ?? ''));
      while (next.length > 0 && next[next.length - 1]!.trim() === '') next.pop();
      set(key, next);
    };
    return (
      <div class="field region" role="group" aria-label={plain(label)} data-testid="profile-region">
        <span>
          <Bi text={label} />
        </span>
        <div class="region-levels">
          {Array.from({ length: shown }, (_, i) => (
            <input
              key={i}
              type="text"
              aria-label={plain(t(`${label.zh}：第 ${i + 1} 级`, `${label.en}: level ${i + 1}`))}
              placeholder={plain(i === 0 ? t('省级', 'Province') : i === 1 ? t('市级', 'City') : i === 2 ? t('区县', 'District') : t('下一级', 'Next level'))}
              aria-invalid={!!error}
              value={path[i] ?? ''}
              onInput={(e) => update(i, (e.currentTarget as HTMLInputElement).value)}
            />
          ))}
        </div>
        {error && (
          <span class="field-error" role="alert">
            <Bi text={error} />
          </span>
        )}
      </div>
    );
  };

  const level = () => (
    <label class="field">
      <span>
        <Bi text={fieldLabel('applicant.productLevel')} />
      </span>
      <select
        name="applicant.productLevel"
        value={form.value['applicant.productLevel']}
        onChange={(e) => set('applicant.productLevel', (e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{plain(t('未填写', 'Not given'))}</option>
        {PRODUCT_LEVELS.map((l) => (
          <option key={l.value} value={l.value}>
            {plain(l)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      class="card profile"
      onSubmit={(e) => void save(e)}
      data-testid="profile-editor"
      aria-busy={!ready.value && !loadFailed.value}
      noValidate
    >
      <p class="hint">
        <Bi
          text={t(
            '只保存每次申报都不变的信息；声明和近年记录（事故、投诉、抽查）请在申报表中逐次填写。填入时只填空白字段，已填写的内容须经您确认才会覆盖。',
            'Only facts that stay the same between applications; declarations and recent records (accidents, complaints, inspections) are typed on each form. Prefill fills empty fields; what you typed is replaced only when you agree.',
          )}
        />
      </p>
      {loadFailed.value && (
        <p class="field-error" role="alert" data-testid="profile-load-failed">
          <Bi text={t('读取已保存的资料失败，未做任何更改；请稍后重新打开本页。', 'The saved profile could not be read; nothing was changed. Reopen this page later.')} />
        </p>
      )}
      {status.value === 'restored' && (
        <p class="restored" role="status" data-testid="profile-restored">
          <Bi text={t('已恢复上次未保存的修改，请检查后保存。', 'Unsaved changes from last time were restored: check them, then save.')} />{' '}
          <button type="button" class="btn-link" onClick={discard}>
            <Bi text={t('放弃修改', 'Discard')} />
          </button>
        </p>
      )}
      <fieldset>
        <legend>
          <Bi text={t('申报主体', 'Applicant')} />
        </legend>
        {text('applicant.name', 'text', t('单位全称或个人姓名', 'Full name of the organisation or person'))}
      </fieldset>
      <fieldset>
        <legend>
          <Bi text={groupLegend('组织', 'Organisations', '8.1')} />
        </legend>
        {text('applicant.creditCode', 'text', t('18 位统一社会信用代码', '18-character unified social credit code'))}
        {text('applicant.establishedOn', 'date')}
        {industries()}
        {region()}
        {choice('applicant.registeredInLianyungang')}
        {choice('applicant.independentLegalPerson')}
        {certificates()}
        {level()}
        {text('applicant.registeredTrademarks', 'text', t('例如 3', 'e.g. 3'))}
        {text('applicant.inventionPatents', 'text', t('例如 2', 'e.g. 2'))}
        {choice('applicant.exporter')}
      </fieldset>
      <fieldset>
        <legend>
          <Bi text={groupLegend('个人', 'Individuals', '9.1')} />
        </legend>
        {text('applicant.qualityWorkInLianyungangSince', 'date')}
      </fieldset>
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={!ready.value || loadFailed.value}>
          <Bi text={t('保存', 'Save')} />
        </button>
        {status.value === 'saved' && (
          <span class="ok" role="status">
            <Bi text={t('已保存', 'Saved')} />
          </span>
        )}
        {status.value === 'conflict' && conflictText.value && (
          <span class="field-error" role="alert" data-testid="profile-conflict">
            <Bi text={conflictText.value} />
          </span>
        )}
        {status.value === 'error' && (
          <span class="field-error" role="alert">
            <Bi text={t('未保存：请修改标红的内容', 'Not saved: fix the fields marked red')} />
          </span>
        )}
      </div>
    </form>
  );
}
