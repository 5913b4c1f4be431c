import type { Bilingual } from '../../core/i18n.ts';
import type { PrecheckView } from '../../messaging/panel-protocol.ts';

export interface NextAction {
  field: string;
  status: 'fail' | 'needs-evidence' | 'input';
  /** the fact still open, on its own line */
  text: Bilingual;
  missing: boolean;
}

/**
 * The few things to do next (issue 13), from the same findings as the clause list: unreadable entries
 * first, then failures, then facts not yet given; one line per field, most urgent first.
 */
export function nextActions(pc: PrecheckView | null, limit = 3): { shown: NextAction[]; more: number } {
  if (!pc) return { shown: [], more: 0 };
  const all: NextAction[] = [];
  for (const e of pc.inputErrors) all.push({ field: e.path, status: 'input', text: e.message, missing: false });
  const rank = { fail: 0, 'needs-evidence': 1, pass: 2 } as const;
  for (const f of [...pc.findings].sort((a, b) => rank[a.status] - rank[b.status])) {
    if (f.status === 'pass') continue;
    for (const p of f.problems ?? []) if (p.field) all.push({ field: p.field, status: p.status, text: p.text, missing: p.missing === true });
  }
  const seen = new Set<string>();
  const unique = all.filter((a) => (seen.has(a.field) ? false : (seen.add(a.field), true)));
  return { shown: unique.slice(0, limit), more: Math.max(0, unique.length - limit) };
}
