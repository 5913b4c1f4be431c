import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsForRule, ruleIds, rules, type Rule } from '../../../src/index.ts';

const dir = join(import.meta.dirname, '../../../src/eligibility/rules');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

const ARTICLES: Record<string, string> = { '8': '第八条', '9': '第九条', '14': '第十四条', '15': '第十五条', '16': '第十六条' };
const CLAUSES = ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)'];

import { lianyungang2021 } from '../../../src/awards/index.ts';
import { ruleTitle } from '../../../src/eligibility/rule-title.ts';

describe('rule files (one small file per clause, all the same shape)', () => {
  it('there is one file per rule id and the registry lists them all, in contract order', () => {
    expect(files).toHaveLength(13);
    expect([...ruleIds]).toEqual(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '9.1', '9.2', '9.3', '9.4', '14', '15', '16']);
  });

  it.each(files)('%s exports only `rule`, with its article, clause, title and fields', async (file) => {
    const mod = (await import(join(dir, file))) as Record<string, unknown>;
    expect(Object.keys(mod)).toEqual(['rule']);
    const rule = mod.rule as Rule;
    // issue 16: the article and clause are the award's data (pack.clauses), not the rule file's
    expect(Object.keys(rule).sort()).toEqual(['appliesTo', 'evaluate', 'fields', 'id', 'title'].sort());
    const cited = lianyungang2021.clauses[rule.id]!;

    // the file name starts with the rule id: 8-1-operation.ts ↔ 8.1
    expect(file.split('-').slice(0, rule.id.includes('.') ? 2 : 1).join('.')).toBe(rule.id);
    const [article, clause] = rule.id.split('.');
    expect(cited.article).toBe(ARTICLES[article!]);
    expect(cited.clause).toBe(clause ? CLAUSES[Number(clause) - 1] : null);
    expect(rule.appliesTo).toBe(article === '8' ? 'organization' : article === '9' ? 'individual' : 'both');
    const title = ruleTitle(rule, lianyungang2021);
    expect(title.zh.length).toBeGreaterThan(0);
    expect(title.en.length).toBeGreaterThan(0);
    expect(rule.fields.length).toBeGreaterThan(0);
    expect(fieldsForRule[rule.id]).toEqual([...rule.fields]);
    expect(rules).toContain(rule);

    // the source cites its article in a comment, and takes numbers from the policy, not literals
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).toMatch(new RegExp(`/\\*\\*[^]*${cited.article}`));
    expect(source).not.toMatch(/\b(minOperatingYears|minQualityWorkYears|Years)\s*[=:]\s*\d/);
    expect(source).not.toMatch(/addYears\([^,]+,\s*\d/);
  });
});
