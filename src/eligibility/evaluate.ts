import { z } from '../core/zod-mini.ts';
import { describeIssue } from '../application/messages.ts';
import { applicationSchema, type Application } from '../application/schema.ts';
import { defaultPolicy } from '../policy/lianyungang-2021.ts';
import { awardPackSchema, type AwardPack, type PolicyPack } from '../policy/schema.ts';
import type { EligibilityReport } from './types.ts';
import { evaluateValidated } from './judge.ts';
import { parseOrThrow, zodError } from '../core/zod-contract.ts';

export interface EligibilityOptions {
  /** The award and version of its measures to judge by (default: Lianyungang 2021). */
  policy?: PolicyPack | AwardPack;
}

const optionsSchema = z.optional(z.object({ policy: z.optional(awardPackSchema) }));

/**
 * The eligibility pre-check (contract §2): one finding per clause of 第八条 (organisations) or
 * 第九条 (individuals), then 第十四条–第十六条. Throws a ZodError on a malformed application or policy.
 */
export function evaluateEligibility(application: unknown, options?: EligibilityOptions): EligibilityReport {
  const parsed = applicationSchema.safeParse(application, { reportInput: true });
  if (!parsed.success) {
    // Re-thrown with every message naming its field ("发明专利数量：不能为负数 / Invention patents …").
    throw zodError(
      parsed.error.issues.map(({ input: _input, ...issue }) => {
        const m = describeIssue({ ...issue, input: _input });
        return { ...issue, message: `${m.zh} / ${m.en}` };
      }),
    );
  }
  const policy: AwardPack = options?.policy === undefined ? defaultPolicy : parseOrThrow(optionsSchema, options)!.policy!;
  return evaluateValidated(parsed.data, policy);
}

export { evaluateValidated, verdictOf } from './judge.ts';
