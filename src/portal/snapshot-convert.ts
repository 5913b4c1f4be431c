import type { AdapterColumn, AdapterField, PortalAdapter } from './adapter-schema.ts';
import { normalizeLabel, normalizePortalDate } from './normalize.ts';
import { splitList } from './list-value.ts';

export { splitList };

/** One field as the content script read it (structurally the protocol's `FieldReading`). */
export interface FieldReadingLike {
  key: string;
  found: boolean;
  value: string | boolean | null;
}

export interface SnapshotToApplicationOptions {
  /** the rules' "as of" date (contract §1) */
  submittedOn: string;
  year: number;
  /** the adapter whose value types and maps apply; default: the demo portal's */
  adapter?: Pick<PortalAdapter, 'fields'>;
}

/**
 * `snapshotToApplication` with the adapter given: this module imports no adapter data, so the
 * background service worker converts readings without bundling the shipped adapters (issue 19; it
 * reads them from the package when first needed). snapshot.ts adds the demo portal's default.
 */
export type ConvertSnapshotOptions = SnapshotToApplicationOptions & { adapter: Pick<PortalAdapter, 'fields'> };

const APPLICATION_FORMAT = 'lyg-award/application@1';
const DEFAULT_YES_NO: Record<string, boolean> = { 是: true, 否: false, true: true, false: false };

/**
 * Raw portal readings → a raw application file for `parseApplication` (contract §1).
 * Unknown (not found, empty) facts are left out. A reading that cannot be converted is kept as the
 * portal's own text, so validation reports it by field instead of the pre-check silently guessing.
 */
export function convertSnapshot(fields: readonly FieldReadingLike[], opts: ConvertSnapshotOptions): unknown {
  const readings = new Map<string, string | boolean>();
  for (const r of fields) {
    if (!r || !r.found || r.value === null || r.value === undefined) continue;
    readings.set(r.key, r.value);
  }
  const adapterFields = opts.adapter.fields;
  const kindField = adapterFields.find((f) => f.key === 'applicant.kind');
  const kindRaw = readings.get('applicant.kind');
  const kind = kindField && kindRaw !== undefined ? convert(kindField, kindRaw) : undefined;
  const knownKind = kind === 'organization' || kind === 'individual' ? kind : undefined;

  const applicant: Record<string, unknown> = {};
  const out: Record<string, unknown> = { format: APPLICATION_FORMAT, year: opts.year, submittedOn: opts.submittedOn, applicant };
  if (kind !== undefined) applicant.kind = kind;

  const done = new Set<string>(['applicant.kind']);
  const groups: Array<[AdapterField, unknown]> = [];
  for (const field of adapterFields) {
    if (done.has(field.key)) continue;
    if (field.applicantKind && knownKind && field.applicantKind !== knownKind) continue;
    const raw = readings.get(field.key);
    if (raw === undefined) continue;
    const value = convert(field, raw);
    if (value === undefined) continue;
    done.add(field.key);
    if (field.type === 'group') groups.push([field, value]);
    else setPath(out, field.key, value);
  }
  // A group toggle (e.g. 9(4) "heads an organisation"): "no" means the whole group is null.
  for (const [field, value] of groups) {
    if (value === false) setPath(out, field.key, null);
    else if (value === true) { if (getPath(out, field.key) === undefined) setPath(out, field.key, {}); }
    else setPath(out, field.key, value);
  }
  return out;
}

function convert(field: Pick<AdapterField, 'type' | 'valueMap' | 'columns' | 'emptyMeans'>, raw: string | boolean): unknown {
  switch (field.type) {
    case 'table': {
      if (typeof raw !== 'string') return raw;
      const rows = convertTable(field.columns ?? [], raw);
      // No rows: "none" only where the adapter says a blank table declares none; otherwise not given yet.
      if (Array.isArray(rows) && rows.length === 0 && field.emptyMeans !== 'none') return undefined;
      return rows;
    }
    case 'multiselect':
    case 'cascader': {
      if (typeof raw !== 'string') return raw;
      const items = splitList(field.type, raw);
      if (items.length === 0) return undefined;
      return field.type === 'cascader' ? items : items.map((t) => { const v = lookup(field.valueMap, t); return typeof v === 'string' ? v : t; });
    }
    case 'text':
    case 'date':
    case 'integer':
    case 'boolean':
    case 'group':
    case 'select':
      return convertScalar(field.type, raw, field.valueMap);
  }
}


function convertScalar(type: AdapterField['type'], raw: string | boolean, valueMap: Record<string, string | boolean> | undefined): unknown {
  if (typeof raw === 'boolean') {
    if (type === 'boolean' || type === 'group') return raw;
    return raw; // a checkbox read for a non-boolean field: left as is for validation to name
  }
  const text = raw.trim();
  if (text === '') return undefined;
  switch (type) {
    case 'text':
      return text;
    case 'date':
      return normalizePortalDate(text);
    case 'integer': {
      // Signed and decimal numbers are numbers too: validation then says "不能为负数" or "应为整数",
      // not "应为数字".
      const n = text.normalize('NFKC').replace(/[−－]/g, '-');
      return /^[+-]?\d{1,9}(\.\d{1,6})?$/.test(n) ? Number(n) : text;
    }
    case 'boolean':
    case 'group':
    case 'select': {
      const mapped = lookup(valueMap, text);
      if (mapped !== undefined) return mapped;
      if (type !== 'select') {
        const yn = lookup(DEFAULT_YES_NO, text);
        if (yn !== undefined) return yn;
      }
      // Already an application value (e.g. a prefilled 'provincial-advanced')?
      if (valueMap && Object.values(valueMap).includes(text)) return text;
      return text;
    }
    default:
      return text;
  }
}

function lookup<T>(map: Record<string, T> | undefined, text: string): T | undefined {
  if (!map) return undefined;
  if (Object.hasOwn(map, text)) return map[text];
  const n = normalizeLabel(text);
  for (const [k, v] of Object.entries(map)) if (normalizeLabel(k) === n) return v;
  return undefined;
}

/** A table reading is a JSON array of row objects keyed by column key, cell values as text. */
function convertTable(columns: readonly AdapterColumn[], raw: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (!Array.isArray(parsed)) return raw;
  const rows: unknown[] = [];
  for (const row of parsed) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) { rows.push(row); continue; }
    const cells = row as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const col of columns) {
      const cell = Object.hasOwn(cells, col.key) ? cells[col.key] : undefined;
      if (typeof cell !== 'string' && typeof cell !== 'boolean') continue;
      const v = convertScalar(col.type, cell, col.valueMap);
      if (v !== undefined) out[col.key] = v;
    }
    // A row left entirely blank is the platform's empty "add a row" line, not a fact.
    if (Object.keys(out).length > 0) rows.push(out);
  }
  return rows;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    const next = node[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let node: unknown = target;
  for (const k of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}
