import { knownPack } from '../../awards/index.ts';
import type { PrecheckView } from '../../messaging/panel-protocol.ts';
import { defaultPolicy } from '../../policy/lianyungang-2021.ts';
import type { AwardPack } from '../../policy/schema.ts';

/**
 * The award pack a panel view cites (issue 16): the one the pre-check says it judged by, else the
 * default award (a reading from before the pre-check named its measures).
 */
export function packOfPrecheck(pc: Pick<PrecheckView, 'measures'> | null | undefined): AwardPack {
  return knownPack(pc?.measures) ?? defaultPolicy;
}
