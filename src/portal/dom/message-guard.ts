import type { BackgroundToContent, Hint } from '../../messaging/protocol.ts';

/**
 * Zod-free check of background → content messages for the content-script bundle: importing
 * protocol.ts at run time pulls its zod schemas in (top-level calls are not tree-shaken, +100 kB).
 * At least as strict as `backgroundToContentSchema` (a property test checks: whatever this accepts,
 * the schema accepts; every valid message is accepted).
 */
export function isMessageForContent(msg: unknown): msg is BackgroundToContent {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'hints/update':
      return Array.isArray(m.hints) && m.hints.length <= 200 && m.hints.every(isHint);
    case 'picker/start':
      return Object.keys(m).length === 2 && isFieldKey(m.field);
    case 'picker/cancel':
    case 'snapshot/request':
      return Object.keys(m).length === 1;
    case 'prefill/apply':
      return (
        typeof m.values === 'object' && m.values !== null && !Array.isArray(m.values) &&
        [Object.prototype, null].includes(Object.getPrototypeOf(m.values)) &&
        Object.entries(m.values).every(([k, v]) => isFieldKey(k) && (typeof v === 'boolean' || (typeof v === 'string' && v.length <= 20_000))) &&
        Array.isArray(m.overwrite) && m.overwrite.length <= 500 && m.overwrite.every(isFieldKey)
      );
    default:
      return false;
  }
}

const isFieldKey = (k: unknown): k is string => typeof k === 'string' && k.length > 0 && k.length <= 120;
const isText = (t: unknown, max: number): t is string => typeof t === 'string' && t.length <= max;

function isHint(h: unknown): h is Hint {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  const text = x.text as Record<string, unknown> | null;
  return (
    isFieldKey(x.field) && isText(x.rule, 20) &&
    (x.status === 'fail' || x.status === 'needs-evidence' || x.status === 'pass') &&
    typeof text === 'object' && text !== null && isText(text.zh, 2000) && isText(text.en, 2000)
  );
}
