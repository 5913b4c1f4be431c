import type { Bilingual } from '../core/i18n.ts';
import type { AwardPack } from '../policy/schema.ts';
import type { Rule } from './types.ts';

/** A rule's title as `pack` words it: a title that names another clause cites the award's own numbering. */
export function ruleTitle(rule: Pick<Rule, 'title'>, pack: AwardPack): Bilingual {
  return typeof rule.title === 'function' ? rule.title(pack) : rule.title;
}
