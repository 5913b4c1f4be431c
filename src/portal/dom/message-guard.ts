import type { BackgroundToContent, Hint } from '../../messaging/protocol.ts';

/**
 * Zod-free copy of protocol.ts's `isBackgroundToContent` for the content-script bundle: importing
 * protocol.ts at run time pulls its zod schemas in (top-level calls are not tree-shaken, +100 kB).
 * A unit test keeps both in step on generated messages. (If protocol.ts moves its guard into a
 * zod-free module, import that instead and delete this file.)
 */
export function isMessageForContent(msg: unknown): msg is BackgroundToContent {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  switch (m.type) {
    case 'hints/update':
      return Array.isArray(m.hints) && m.hints.length <= 200 && m.hints.every(isHint);
    case 'picker/start':
      return typeof m.field === 'string' && m.field.length > 0 && m.field.length <= 120;
    case 'picker/cancel':
    case 'snapshot/request':
      return Object.keys(m).length === 1;
    case 'prefill/apply':
      return (
        typeof m.values === 'object' && m.values !== null && !Array.isArray(m.values) &&
        Object.values(m.values).every((v) => typeof v === 'boolean' || (typeof v === 'string' && v.length <= 20_000)) &&
        Array.isArray(m.overwrite) && m.overwrite.every((f) => typeof f === 'string')
      );
    default:
      return false;
  }
}

function isHint(h: unknown): h is Hint {
  if (typeof h !== 'object' || h === null) return false;
  const x = h as Record<string, unknown>;
  const text = x.text as Record<string, unknown> | null;
  return (
    typeof x.field === 'string' && typeof x.rule === 'string' &&
    (x.status === 'fail' || x.status === 'needs-evidence' || x.status === 'pass') &&
    typeof text === 'object' && text !== null && typeof text.zh === 'string' && typeof text.en === 'string'
  );
}
