import { z } from 'zod';
import { caseMachine } from '../../machines/case.machine.ts';
import { toBpmn } from './bpmn.ts';
import { toScxml } from './scxml.ts';

const formatSchema = z.enum(['scxml', 'bpmn'], { error: '格式必须是 scxml 或 bpmn / format must be "scxml" or "bpmn"' });

/** Contract §5: the case machine as W3C SCXML or BPMN 2.0 XML, generated from its definition. */
export function exportLifecycle(format: 'scxml' | 'bpmn'): string {
  const f = formatSchema.parse(format);
  return f === 'scxml' ? toScxml(caseMachine) : toBpmn(caseMachine, '连云港市市长质量奖评审流程 / Lianyungang Mayor Quality Award lifecycle');
}
