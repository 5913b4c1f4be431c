import { z } from '../core/zod-mini.ts';
import { parseOrThrow } from '../core/zod-contract.ts';
import { caseMachine } from '../../machines/case.machine.ts';
import { defaultPolicy, policyPackSchema, type PolicyPack } from '../policy/index.ts';
import { toBpmn } from './bpmn.ts';
import { lifecycleData } from './lifecycle-semantics.ts';
import { toScxml } from './scxml.ts';

const formatSchema = z.enum(['scxml', 'bpmn'], { error: '格式必须是 scxml 或 bpmn / format must be "scxml" or "bpmn"' });

export interface LifecycleExportOptions {
  /** The award's policy pack (publicity days, ban years); default Lianyungang 2021. */
  policy?: PolicyPack;
}

/** Contract §5: the case machine as W3C SCXML or BPMN 2.0 XML, generated from its definition. */
export function exportLifecycle(format: 'scxml' | 'bpmn', options?: LifecycleExportOptions): string {
  const f = parseOrThrow(formatSchema, format);
  const policy = options?.policy === undefined ? defaultPolicy : parseOrThrow(policyPackSchema, options.policy);
  const data = lifecycleData(policy);
  return f === 'scxml' ? toScxml(caseMachine, data) : toBpmn(caseMachine, `${policy.award.name.zh}评审流程`, data);
}
