import { z } from '../core/zod-mini.ts';
import { bi, type Bilingual } from '../core/i18n.ts';
import { canonicalJson, sha256Hex } from '../storage/canonical-json.ts';

/**
 * The file envelope backups use (src/storage/backup.ts): `{ format, createdAt, sha256, data }`, where
 * sha256 is the SHA-256 of the canonical JSON of `data`. A truncated or hand-edited file is refused;
 * the hash detects accidents, not attackers, so `data` is validated on import regardless.
 */
export interface Envelope<F extends string, D> {
  format: F;
  createdAt: string;
  sha256: string;
  data: D;
}

/** A file larger than this is refused before parsing. */
export const MAX_ENVELOPE_BYTES = 8 * 1024 * 1024;

export async function sealEnvelope<F extends string, D>(format: F, data: D, now: Date = new Date()): Promise<Envelope<F, D>> {
  return { format, createdAt: now.toISOString(), sha256: await sha256Hex(canonicalJson(data)), data };
}

export interface EnvelopeProblem {
  path: string;
  message: Bilingual;
}

const shellSchema = z.strictObject({
  format: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  data: z.unknown(),
});

/**
 * Open an envelope (text or parsed JSON) of the given format: JSON, shape, format, checksum. Returns
 * the still-unvalidated `data`; the caller validates it with its own schema. Never throws.
 */
export async function openEnvelope(
  input: unknown,
  format: string,
  what: Bilingual,
): Promise<{ ok: true; createdAt: string; sha256: string; data: unknown } | { ok: false; errors: EnvelopeProblem[] }> {
  const fail = (path: string, zh: string, en: string) => ({ ok: false as const, errors: [{ path, message: bi(zh, en) }] });
  let raw = input;
  if (typeof input === 'string') {
    if (input.length > MAX_ENVELOPE_BYTES) return fail('', `${what.zh}文件过大（超过 8 MB），未导入。`, `The ${what.en} file is too large (over 8 MB); nothing was imported.`);
    try {
      raw = JSON.parse(input);
    } catch {
      return fail('', `文件不是有效的 JSON，可能已损坏或被截断，未导入。`, 'The file is not valid JSON (damaged or truncated?); nothing was imported.');
    }
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== format) {
    return fail('format', `这不是${what.zh}文件（format 应为 ${format}），未导入。`, `This is not a ${what.en} file (format must be ${format}); nothing was imported.`);
  }
  const shell = shellSchema.safeParse(raw);
  if (!shell.success) {
    const issue = shell.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return fail(path, `文件结构不完整（“${path}”无效），未导入。`, `The file is incomplete ("${path}" is invalid); nothing was imported.`);
  }
  try {
    if ((await sha256Hex(canonicalJson(shell.data.data))) !== shell.data.sha256) {
      return fail('sha256', '校验和不符：文件在导出后被修改或已损坏，未导入。', 'Checksum mismatch: the file was changed or damaged after export; nothing was imported.');
    }
  } catch {
    return fail('', `无法读取${what.zh}文件，未导入。`, `The ${what.en} file could not be read; nothing was imported.`);
  }
  return { ok: true, createdAt: shell.data.createdAt, sha256: shell.data.sha256, data: shell.data.data };
}
