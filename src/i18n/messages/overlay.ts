import { defineSection } from '../define.ts';

/** Badges and the focus tip drawn on the portal page (bundled into the content script: keep it short). */
export const overlay = defineSection(
  {
    'badge.inputError': '✕ 填写有误',
    'badge.fail': '✕ {cite} 不符合',
    'badge.missing': '待填 · {cite}',
    'badge.evidence': '! {cite} 需证明',
    'badge.required': '必填',
    'badge.requiredTitle': '必填项',
    'tip.heading': '{article} · 提示',
    'tip.headingPlain': '提示',
    'picker.banner': '请点击“{name}”对应的页面字段（Esc 取消）',
  },
  {
    'badge.inputError': '✕ Entry not valid',
    'badge.fail': '✕ {cite} not met',
    'badge.missing': 'To fill · {cite}',
    'badge.evidence': '! {cite} needs proof',
    'badge.required': 'Required',
    'badge.requiredTitle': 'Required field',
    'tip.heading': '{article} · Tip',
    'tip.headingPlain': 'Tip',
    'picker.banner': 'Click the field on the page for “{name}” (Esc cancels)',
  },
);
