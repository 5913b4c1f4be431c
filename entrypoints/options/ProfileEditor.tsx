import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { fieldLabel } from '@/src/application/index.ts';
import { PROFILE_ID, profileDataSchema } from '@/src/messaging/profile.ts';
import { getProfile, saveProfile } from '@/src/storage/index.ts';

type Form = {
  'applicant.name': string;
  'applicant.creditCode': string;
  'applicant.establishedOn': string;
  'applicant.registeredInLianyungang': '' | 'yes' | 'no';
  'applicant.independentLegalPerson': '' | 'yes' | 'no';
};
const empty: Form = {
  'applicant.name': '',
  'applicant.creditCode': '',
  'applicant.establishedOn': '',
  'applicant.registeredInLianyungang': '',
  'applicant.independentLegalPerson': '',
};
const yn = (v: unknown): '' | 'yes' | 'no' => (v === true ? 'yes' : v === false ? 'no' : '');
const toBool = (v: '' | 'yes' | 'no') => (v === 'yes' ? true : v === 'no' ? false : null);

/** The profile the side panel's 填入单位资料 fills into empty portal fields. */
export function ProfileEditor() {
  const form = useSignal<Form>(empty);
  const errors = useSignal<Record<string, { zh: string; en: string }>>({});
  const status = useSignal<'idle' | 'saved' | 'error'>('idle');

  useEffect(() => {
    void getProfile(PROFILE_ID).then((r) => {
      const d = (r?.data ?? {}) as Record<string, unknown>;
      form.value = {
        'applicant.name': typeof d['applicant.name'] === 'string' ? d['applicant.name'] : '',
        'applicant.creditCode': typeof d['applicant.creditCode'] === 'string' ? d['applicant.creditCode'] : '',
        'applicant.establishedOn': typeof d['applicant.establishedOn'] === 'string' ? d['applicant.establishedOn'] : '',
        'applicant.registeredInLianyungang': yn(d['applicant.registeredInLianyungang']),
        'applicant.independentLegalPerson': yn(d['applicant.independentLegalPerson']),
      };
    });
  }, []);

  const set = (key: keyof Form, value: string) => {
    form.value = { ...form.value, [key]: value };
    status.value = 'idle';
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const f = form.value;
    const parsed = profileDataSchema.safeParse({
      ...f,
      'applicant.registeredInLianyungang': toBool(f['applicant.registeredInLianyungang']),
      'applicant.independentLegalPerson': toBool(f['applicant.independentLegalPerson']),
    });
    if (!parsed.success) {
      // Bad input changes nothing: name the field and say what is wrong.
      const errs: Record<string, { zh: string; en: string }> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const label = fieldLabel(key);
        const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : [issue.message, issue.message];
        errs[key] = { zh: `${label.zh}：${zh}`, en: `${label.en}: ${en}` };
      }
      errors.value = errs;
      status.value = 'error';
      return;
    }
    errors.value = {};
    try {
      await saveProfile({ id: PROFILE_ID, data: JSON.parse(JSON.stringify(parsed.data)) }, { durability: 'strict' });
      status.value = 'saved';
    } catch {
      status.value = 'error';
    }
  };

  const text = (key: keyof Form, type: 'text' | 'date' = 'text', placeholder = '') => (
    <label class="field">
      <span>
        {fieldLabel(key).zh} <span class="en">{fieldLabel(key).en}</span>
      </span>
      <input
        type={type as "text"}
        name={key}
        value={form.value[key]}
        placeholder={placeholder}
        aria-invalid={!!errors.value[key]}
        onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
      />
      {errors.value[key] && (
        <span class="field-error" role="alert">
          {errors.value[key]!.zh}
          <span class="en">{errors.value[key]!.en}</span>
        </span>
      )}
    </label>
  );
  const choice = (key: keyof Form) => (
    <label class="field">
      <span>
        {fieldLabel(key).zh} <span class="en">{fieldLabel(key).en}</span>
      </span>
      <select name={key} value={form.value[key]} onChange={(e) => set(key, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">未填写 Not given</option>
        <option value="yes">是 Yes</option>
        <option value="no">否 No</option>
      </select>
    </label>
  );

  return (
    <form class="card profile" onSubmit={(e) => void save(e)} data-testid="profile-editor" noValidate>
      <p class="hint">
        只填入申报表中仍为空的字段，不会覆盖已填写的内容。
        <span class="en">Only empty portal fields are filled; nothing you typed is overwritten.</span>
      </p>
      {text('applicant.name', 'text', '单位全称')}
      {text('applicant.creditCode', 'text', '18 位统一社会信用代码')}
      {text('applicant.establishedOn', 'date')}
      {choice('applicant.registeredInLianyungang')}
      {choice('applicant.independentLegalPerson')}
      <div class="row">
        <button type="submit" class="btn btn-primary">
          保存 <span class="en">Save</span>
        </button>
        {status.value === 'saved' && (
          <span class="ok" role="status">
            已保存 Saved
          </span>
        )}
        {status.value === 'error' && (
          <span class="field-error" role="alert">
            未保存：请修改标红的内容 / Not saved: fix the fields marked red
          </span>
        )}
      </div>
    </form>
  );
}
