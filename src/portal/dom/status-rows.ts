import type { StatusRow } from '../../messaging/protocol.ts';
import { labelMatches } from '../normalize.ts';
import { textOf } from './targets.ts';
import { bodyRowsOf, cellsOf, headerRowOf } from './table-dom.ts';

export interface StatusHeaders {
  applicationNo?: string;
  applicantName: string;
  statusText: string;
  date?: string;
  /** header of the applicant-kind column (组织/个人); its cells map through applicantKindValues */
  applicantKind?: string;
  applicantKindValues?: Readonly<Record<string, 'organization' | 'individual'>>;
}

/** A kind cell's text → kind, compared like labels (spaces, full/half width); anything else → null, never a guess. */
function kindOf(text: string | null, values: StatusHeaders['applicantKindValues']): 'organization' | 'individual' | null {
  if (text === null || !values) return null;
  for (const [k, v] of Object.entries(values)) if (labelMatches(text, k, 'normalized')) return v;
  return null;
}

/** Rows of the portal's status table: the table whose header row has the adapter's status headers. */
export function readStatusRows(root: Document | Element, headers: StatusHeaders): StatusRow[] | null {
  for (const table of root.querySelectorAll('table')) {
    const head = headerRowOf(table);
    if (!head) continue;
    const cells = cellsOf(head).map((c) => textOf(c));
    const col = (h: string | undefined) => (h ? cells.findIndex((c) => labelMatches(c, h, 'normalized')) : -1);
    const iName = col(headers.applicantName);
    const iStatus = col(headers.statusText);
    if (iName < 0 || iStatus < 0) continue;
    const iNo = col(headers.applicationNo);
    const iDate = col(headers.date);
    const iKind = col(headers.applicantKind);
    const body = bodyRowsOf(table);
    const cell = (tr: Element, i: number, max: number) => { const c = i >= 0 ? cellsOf(tr)[i] : undefined; return c ? textOf(c, max) : null; };
    return body.slice(0, 500).map((tr) => {
      const row: StatusRow = {
        applicationNo: cell(tr, iNo, 100),
        applicantName: cell(tr, iName, 300) ?? '',
        statusText: cell(tr, iStatus, 300) ?? '',
        date: cell(tr, iDate, 40),
      };
      // Only an adapter that names a kind column yields the field, so rows of other adapters stay as they were.
      if (headers.applicantKind) row.applicantKind = kindOf(cell(tr, iKind, 40), headers.applicantKindValues);
      return row;
    });
  }
  return null;
}
