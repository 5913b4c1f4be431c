/**
 * The schemas of the second zod/mini move (issue 19, round three continued): every exported schema of the modules
 * that still imported full 'zod' after the first move (cases, staff, experts, exports, self-evaluation, sharing).
 */
import * as year from '../../../src/cases/year.ts';
import * as conflicts from '../../../src/experts/conflicts.ts';
import * as consensus from '../../../src/experts/consensus.ts';
import * as poolStore from '../../../src/experts/pool-store.ts';
import * as pool from '../../../src/experts/pool.ts';
import * as scorebook from '../../../src/experts/scorebook.ts';
import * as expertStore from '../../../src/experts/store.ts';
import * as docx from '../../../src/export/docx.ts';
import * as bands from '../../../src/self-evaluation/bands.ts';
import * as notes from '../../../src/self-evaluation/notes.ts';
import * as reportLayout from '../../../src/self-evaluation/report-layout.ts';
import * as score from '../../../src/self-evaluation/score.ts';
import * as sharingConfig from '../../../src/sharing/config.ts';
import * as documents from '../../../src/sharing/documents.ts';

const modules: Record<string, Record<string, unknown>> = {
  year, conflicts, consensus, poolStore, pool, scorebook, expertStore, docx, bands, notes, reportLayout, score, sharingConfig, documents,
};

const isSchema = (v: unknown): v is { _zod: unknown } => typeof v === 'object' && v !== null && '_zod' in v;

export function parityTargets(): Record<string, { schema: any; extraSeeds?: unknown[] }> {
  const out: Record<string, { schema: any; extraSeeds?: unknown[] }> = {};
  for (const [m, mod] of Object.entries(modules))
    for (const [k, v] of Object.entries(mod)) if (isSchema(v)) out[`${m}.${k}`] = { schema: v };
  return out;
}
