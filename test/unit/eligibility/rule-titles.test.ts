import { describe, expect, it } from 'vitest';
import { rules } from '../../../src/eligibility/registry.ts';
import { ruleTitles } from '../../../src/eligibility/rule-titles.ts';
import { awards } from '../../../src/awards/index.ts';
import { ruleTitle } from '../../../src/eligibility/rule-title.ts';

// Issue 19: the side panel's clause list reads the titles from rule-titles.ts without loading the rules.
describe('rule titles apart from the rules', () => {
  it('every rule takes its title from the title table, and the table has no other entry', () => {
    expect(Object.keys(ruleTitles).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const r of rules) expect(r.title).toBe(ruleTitles[r.id]);
  });

  it('each award pack words every title as the rule does', () => {
    for (const pack of Object.values(awards).flat())
      for (const r of rules) expect(ruleTitle({ title: ruleTitles[r.id] }, pack)).toEqual(ruleTitle(r, pack));
  });
});
