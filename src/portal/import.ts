import type { Bilingual } from '../core/i18n.ts';
import { portalAdapterSchema, type PortalAdapter } from './adapter-schema.ts';
import { safeParseBilingual } from '../core/zod-text.ts';

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
    return { ok: false, errors: [{ path: '', message: { zh: '不是有效的 JSON 文件（可能已损坏或不完整），未导入', en: `Not valid JSON: ${detail}` } }] };
  }
  const r = safeParseBilingual(portalAdapterSchema, data);
  if (r.success) return { ok: true, adapter: r.data };
  return {
    ok: false,
    errors: r.issues.slice(0, 20).map((issue) => {
      const path = issue.path.map(String).join('.');
      // a schema's own "中文 / English" message is the same from both parses; zod's own come back in both languages
      const own = issue.message.zh === issue.message.en && issue.message.en.includes(' / ');
      const [zh, en] = own ? issue.message.en.split(' / ', 2) as [string, string] : [issue.message.zh, issue.message.en];
      return { path, message: { zh: `${path || '适配器'}：${zh}`, en: `${path || 'adapter'}: ${en}` } };
    }),
  };
}
