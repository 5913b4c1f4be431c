import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../storage/fresh-db.ts';
import { buildReviewPackage, readReviewPackage, scorebookFromPackage } from '../../../src/experts/package.ts';
import { getScorebook, saveScorebook } from '../../../src/experts/store.ts';
import { listPool, saveExpert, removeExpert, saveAssignment, getAssignment, loadOf, listAssignments } from '../../../src/experts/pool-store.ts';
import { T0 } from './helpers.ts';

const app = JSON.parse(fs.readFileSync('test/fixtures/applications/eligible-organization.json', 'utf8'));
const caseOf = { caseId: 'case-1', year: 2026, kind: 'organization' as const, applicantName: app.applicant.name, creditCode: app.applicant.creditCode };
const expert = { id: 'x1', name: '王专家', affiliation: '南京质量协会' };

beforeEach(freshDb);

describe('review package (评审材料包)', () => {
  it('round-trips; the scorebook it starts names the case and the application read', async () => {
    const built = await buildReviewPackage({ case: caseOf, expert, issuedBy: '办公室', application: app, now: new Date(T0) });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const read = await readReviewPackage(JSON.stringify(built.file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const book = scorebookFromPackage(read.opened, 'b1');
    expect(book.subject.caseId).toBe('case-1');
    expect(book.subject.packageSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(book.expert).toEqual(expert);
  });

  it('refuses a changed file, another format, and an application that is not the case', async () => {
    const built = await buildReviewPackage({ case: caseOf, expert, issuedBy: '办公室', application: app });
    if (!built.ok) throw new Error('not built');
    const text = JSON.stringify(built.file);
    const tampered = await readReviewPackage(text.replace('王专家', '李专家'));
    expect(tampered.ok || tampered.errors[0]!.message.zh).toContain('校验和不符');
    const other = await readReviewPackage(JSON.stringify({ format: 'lyg-award/scorebook@1' }));
    expect(other.ok || other.errors[0]!.message.zh).toContain('这不是评审材料包文件');
    const wrongYear = await buildReviewPackage({ case: { ...caseOf, year: 2025 }, expert, issuedBy: '办公室', application: app });
    expect(wrongYear.ok || wrongYear.errors[0]!.message.zh).toContain('2026 年');
    const wrongKind = await buildReviewPackage({ case: { ...caseOf, kind: 'individual' }, expert, issuedBy: '办公室', application: app });
    expect(wrongKind.ok || wrongKind.errors[0]!.message.zh).toContain('申报类型');
    const broken = await buildReviewPackage({ case: caseOf, expert, issuedBy: '办公室', application: { format: 'lyg-award/application@1' } });
    expect(broken.ok).toBe(false);
  });
});

describe('versions on the panel records (for replication, issue 20)', () => {
  it('every save of a scorebook raises its version by one; a save from an older copy is refused and changes nothing', async () => {
    const built = await buildReviewPackage({ case: caseOf, expert, issuedBy: '办公室', application: app });
    if (!built.ok) throw new Error('not built');
    const read = await readReviewPackage(built.file);
    if (!read.ok) throw new Error('not read');
    const v1 = await saveScorebook(scorebookFromPackage(read.opened, 'b1'));
    expect(v1.version).toBe(1);
    const declare = { id: 'd', expert: 'x1', at: T0, type: 'declare' as const, declaration: { conflict: false, relations: [], statement: '' } };
    const v2 = await saveScorebook({ ...v1, events: [declare] });
    expect(v2.version).toBe(2);
    await expect(saveScorebook({ ...v1, events: [{ ...declare, id: 'other' }] })).rejects.toThrow('另一个标签页');
    expect((await getScorebook('b1'))!.events.map((e) => e.id)).toEqual(['d']);
    expect((await getScorebook('b1'))!.id).toBe('b1');
  });

  it('pool experts and groups: versioned, stale saves and deletes refused; load counts other cases', async () => {
    const a = await saveExpert({ id: 'p1', name: '王工', fields: ['机械制造'] });
    expect(a.version).toBe(1);
    const a2 = await saveExpert({ ...a, affiliation: '南京质量协会' });
    expect(a2.version).toBe(2);
    await expect(saveExpert({ ...a, affiliation: '别处' })).rejects.toThrow('另一个标签页');
    await expect(removeExpert(a)).rejects.toThrow();
    expect((await listPool()).map((e) => [e.id, e.affiliation])).toEqual([['p1', '南京质量协会']]);
    const g = await saveAssignment({ id: 'case-1', experts: [{ id: 'p1', name: '王工', affiliation: '' }] });
    await saveAssignment({ id: 'case-2', experts: [{ id: 'p1', name: '王工', affiliation: '' }] });
    expect(g.version).toBe(1);
    await expect(saveAssignment({ ...g, version: 0 })).rejects.toThrow();
    expect((await getAssignment('case-1'))!.version).toBe(1);
    expect(loadOf(await listAssignments(), 'case-1')).toEqual({ p1: 1 });
    await removeExpert(a2);
    expect(await listPool()).toEqual([]);
  });
});
