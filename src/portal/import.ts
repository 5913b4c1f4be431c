import type { Bilingual } from '../core/i18n.ts';
import { portalAdapterSchema, type PortalAdapter } from './adapter-schema.ts';

export type AdapterImportResult =
  | { ok: true; adapter: PortalAdapter }
  | { ok: false; errors: Array<{ path: string; message: Bilingual }> };

/** Adapter JSON text (an import on the options page) → a validated adapter or bilingual errors naming the field. */
export function parsePortalAdapterJson(text: string): AdapterImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ path: '', message: { zh: `不是有效的 JSON：${detail}`, en: `Not valid JSON: ${detail}` } }] };
  }
  const r = portalAdapterSchema.safeParse(data);
  if (r.success) return { ok: true, adapter: r.data };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 20).map((issue) => {
      const path = issue.path.map(String).join('.');
      const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ', 2) as [string, string] : [issue.message, issue.message];
      return { path, message: { zh: `${path || '适配器'}：${zh}`, en: `${path || 'adapter'}: ${en}` } };
    }),
  };
}
