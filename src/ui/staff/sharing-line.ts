import type { Bilingual } from '../../core/i18n.ts';
import type { SharingStatus } from '../../sharing/config.ts';

/**
 * The staff console's one line about sharing (issue 20): a clerk whose first replication of several award
 * years takes many minutes sees that it runs, how far along it is, and when it last completed. Nothing
 * when sharing is off. Pure (the page renders it), so it is tested without a browser.
 */
/** `timeZone`: the browser's own unless given (tests). */
export function sharingLine(s: Pick<SharingStatus, 'state' | 'progress' | 'lastSync' | 'message'>, timeZone?: string): Bilingual | null {
  const n = (x: number) => x.toLocaleString('en');
  const when = (iso: string, lang: 'zh' | 'en') => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { month: lang === 'zh' ? 'numeric' : 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  const last = (lang: 'zh' | 'en') => (s.lastSync ? (lang === 'zh' ? `上次同步完成：${when(s.lastSync, 'zh')}` : `last complete sync ${when(s.lastSync, 'en')}`) : lang === 'zh' ? '还没有完整同步过' : 'not yet synced completely');
  switch (s.state) {
    case 'off':
      return null;
    case 'connecting':
      return { zh: '共享：正在连接服务器…', en: 'Sharing: connecting to the server…' };
    case 'active': {
      const p = s.progress;
      // never 100% while it still runs (the server also counts documents this account is not given)
      const share = (part: number, whole: number) => Math.min(99, Math.floor((part / whole) * 100));
      if (p && p.server > 0 && p.here < p.server) {
        const pct = share(p.here, p.server);
        return {
          zh: `共享：正在从服务器接收，已收到 ${n(p.here)} / ${n(p.server)} 份（${pct}%）。收到的案件陆续出现在列表中，可以照常工作。`,
          en: `Sharing: receiving from the server, ${n(p.here)} of ${n(p.server)} documents (${pct}%). Cases appear in the list as they arrive; work on as usual.`,
        };
      }
      // the replica has it all; the extension's stores (what the list reads) are still being written
      if (p && p.server > 0 && p.stored !== undefined && p.here > 0) {
        const of = `${n(p.stored)} / ${n(p.here)}`;
        return {
          zh: `共享：已收到服务器上的 ${n(p.server)} 份，正在存入本机：已存入 ${of} 份（${share(p.stored, p.here)}%）…（${last('zh')}）`,
          en: `Sharing: all ${n(p.server)} documents received, storing them here: ${n(p.stored)} of ${n(p.here)} stored (${share(p.stored, p.here)}%)… (${last('en')})`,
        };
      }
      if (p && p.server > 0) return { zh: `共享：已收到服务器上的 ${n(p.server)} 份，正在存入本机…（${last('zh')}）`, en: `Sharing: all ${n(p.server)} documents received, storing them here… (${last('en')})` };
      return { zh: `共享：正在同步…（${last('zh')}）`, en: `Sharing: syncing… (${last('en')})` };
    }
    case 'idle':
      return { zh: `共享：已与服务器同步。${last('zh')}`, en: `Sharing: in sync with the server, ${last('en')}.` };
    case 'offline':
      return { zh: `共享：离线，记录保存在本机，联网后自动同步。${last('zh')}`, en: `Sharing: offline; records are kept here and sync when back online (${last('en')}).` };
    default:
      return {
        zh: `共享出错${s.message ? `：${s.message.zh}` : ''}。请在“设置 → 共享”中查看。`,
        en: `Sharing error${s.message ? `: ${s.message.en}` : ''}. See Options → Sharing.`,
      };
  }
}
