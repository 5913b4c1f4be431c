import type { FormLang } from './form-schema.ts';

/**
 * The form engines' own words — validation messages, add/remove buttons, the error list's heading —
 * in the form's language, each in the hook its engine documents:
 * - JSON Forms: `i18n={{ locale, translate: jsonFormsTranslator(lang) }}` (error keys `error.<keyword>`,
 *   array keys `<path>.addTooltip`, `…noDataMessage`, …). The vanilla table's column headers "Items" and
 *   "Valid" are fixed in @jsonforms/vanilla-renderers 3 and have no key.
 * - react-jsonschema-form: `translateString={rjsfTranslateString(lang)}` (its TranslatableString values are
 *   the English strings themselves, so they are the keys here) and `transformErrors={rjsfTransformErrors(lang)}`.
 * - Formily: its validator ships Chinese (`setValidateLanguage('zh-CN')`), and antd's own words come from
 *   `<ConfigProvider locale={zhCN}>`.
 * English is the engines' own default, so with `lang: 'en'` nothing is changed.
 */

type Params = Record<string, unknown> | undefined;

/** Ajv keyword → message, in Chinese. Keywords not listed keep the engine's message. */
const zhErrors: Record<string, (p: Params) => string> = {
  required: () => '必填',
  pattern: () => '格式不正确',
  format: () => '格式不正确',
  type: () => '类型不正确',
  const: () => '请从选项中选择',
  enum: () => '请从选项中选择',
  oneOf: () => '请从选项中选择',
  anyOf: () => '请从选项中选择',
  minimum: (p) => `不能小于 ${String(p?.['limit'])}`,
  maximum: (p) => `不能大于 ${String(p?.['limit'])}`,
  exclusiveMinimum: (p) => `应大于 ${String(p?.['limit'])}`,
  exclusiveMaximum: (p) => `应小于 ${String(p?.['limit'])}`,
  minLength: (p) => `至少 ${String(p?.['limit'])} 个字符`,
  maxLength: (p) => `最多 ${String(p?.['limit'])} 个字符`,
  minItems: (p) => `至少 ${String(p?.['limit'])} 项`,
  maxItems: (p) => `最多 ${String(p?.['limit'])} 项`,
  multipleOf: (p) => `应为 ${String(p?.['multipleOf'])} 的整数倍`,
};

/** A validation message for an Ajv error's keyword, or undefined to keep the engine's own. */
export function validationMessage(lang: FormLang, keyword: string, params?: Params): string | undefined {
  return lang === 'zh' ? zhErrors[keyword]?.(params) : undefined;
}

/** JSON Forms' array control words (ArrayTranslationEnum keys). */
const zhJsonFormsArray: Record<string, string> = {
  addTooltip: '添加一项',
  addAriaLabel: '添加一项',
  removeTooltip: '删除',
  removeAriaLabel: '删除这一项',
  upAriaLabel: '上移',
  up: '上移',
  down: '下移',
  downAriaLabel: '下移',
  noDataMessage: '暂无数据',
  noSelection: '未选择',
  deleteDialogTitle: '确认删除',
  deleteDialogMessage: '确定删除这一项吗？',
  deleteDialogAccept: '删除',
  deleteDialogDecline: '取消',
  clearDialogTitle: '清空表单？',
  clearDialogMessage: '已填的内容将被清空，确定吗？',
  clearDialogAccept: '清空',
  clearDialogDecline: '取消',
};

/**
 * A JSON Forms `translate` function. It must give back `defaultMessage` for what it does not translate (JSON
 * Forms asks it for every label too, which come from the schema's titles); an error key it does not know
 * gives undefined, so JSON Forms falls back to Ajv's message.
 */
export function jsonFormsTranslator(lang: FormLang) {
  return (id: string, defaultMessage: string | undefined, values?: { error?: { keyword: string; params?: Params } }): string | undefined => {
    if (lang !== 'zh') return defaultMessage;
    const error = values?.error;
    if (error && (id.startsWith('error.') || id.includes('.error.'))) return validationMessage(lang, error.keyword, error.params) ?? defaultMessage;
    return zhJsonFormsArray[id.slice(id.lastIndexOf('.') + 1)] ?? defaultMessage;
  };
}

/** react-jsonschema-form's TranslatableString words (keyed by their English value; %1, %2 are parameters). */
const zhRjsf: Record<string, string> = {
  Item: '项',
  'Missing items definition': '缺少列表项的定义',
  'No items yet. Use the button below to add some.': '暂无数据，请用下方按钮添加。',
  Yes: '是',
  No: '否',
  Close: '关闭',
  Errors: '请更正以下问题',
  'New Value': '新值',
  Add: '添加',
  'Add Item': '添加一项',
  Copy: '复制',
  'Move down': '下移',
  'Move up': '上移',
  Remove: '删除',
  Now: '现在',
  Clear: '清除',
  'Select a date': '选择日期',
  Preview: '预览',
  'Decrease value by 1': '减 1',
  'Increase value by 1': '加 1',
  'Add data for optional field': '填写此可选项',
  'Remove data for optional field': '清除此可选项',
  'No data for optional field': '此可选项未填',
  Type: '类型',
  Value: '值',
  'clear input': '清除输入',
  'Option %1': '选项 %1',
  '%1 option %2': '%1 选项 %2',
  '%1 Key': '%1 键',
  '%1 (deprecated)': '%1（已停用）',
  'Unsupported field schema.': '不支持的字段定义。',
};

/** An RJSF `translateString`: the engine's string in the form's language, %1… filled in. */
export function rjsfTranslateString(lang: FormLang) {
  return (str: string, params?: string[]): string => {
    const text = lang === 'zh' ? (zhRjsf[str] ?? str) : str;
    return (params ?? []).reduce((t, p, i) => t.replaceAll(`%${i + 1}`, p), text);
  };
}

interface RjsfError {
  name?: string;
  message?: string;
  params?: Params;
  property?: string;
  stack: string;
  title?: string;
}

/**
 * An RJSF `transformErrors`: messages in the form's language, and no `if` error (Ajv reports a failed
 * `then` branch also as "must match \"then\" schema" on the parent; the field's own error says what is wrong).
 */
export function rjsfTransformErrors(lang: FormLang) {
  return <E extends RjsfError>(errors: E[]): E[] =>
    lang !== 'zh'
      ? errors
      : errors
          .filter((e) => e.name !== 'if')
          .map((e) => {
            const message = validationMessage(lang, e.name ?? '', e.params) ?? e.message;
            return { ...e, message, stack: e.title ? `${e.title}：${message}` : (message ?? e.stack) };
          });
}
