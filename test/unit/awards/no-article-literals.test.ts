// Issue 16, "must hold": every user-facing article number and award name comes from the award's data.
// A script scans the engine and UI source folders for an article literal (第…条) or an award name written
// into code. Comments are not scanned (they explain, the user never sees them). src/awards holds the data
// and is not scanned; i18n message files take names as parameters and sit outside these folders.
// An entry in `allowed` needs a reason; an entry that no longer matches fails too, so the list only shrinks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const folders = ['src/eligibility', 'src/cases', 'src/self-evaluation', 'src/export', 'src/ui', 'entrypoints', 'machines'];
const walk = (dir: string): string[] =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.(tsx?|mjs|js)$/.test(e.name) ? [`${dir}/${e.name}`] : []));

// the city's name in English text too (not in field names such as registeredInLianyungang, which the format fixes)
const patterns = [/第[一二三四五六七八九十]+条/g, /连云港市市长质量奖/g, /(?<!连云港市)市长质量奖/g, /省长质量奖/g, /(?<![A-Za-z])Lianyungang\b/g];

/** Source text without comments: whole comment lines, block comments and trailing `// …`. */
function code(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')));
}

/** `file: literal` for each distinct literal a file writes in code. */
function scan(): string[] {
  const hits = new Set<string>();
  for (const file of folders.flatMap(walk)) {
    for (const line of code(fs.readFileSync(path.join(root, file), 'utf8'))) {
      for (const p of patterns) for (const m of line.matchAll(p)) hits.add(`${file}: ${m[0]}`);
    }
  }
  return [...hits].sort();
}

/** What is still written in code, each with why; see the report of issue 16 for what is owed. */
const allowed: Record<string, string> = {
  'src/ui/experts/Pool.tsx: Lianyungang': 'an example of a 6-digit region code in the expert pool form (Haizhou, Lianyungang is 320706), not a claim about the award',
};

describe('no article number or award name written into engine or UI code (issue 16)', () => {
  const hits = scan();

  it('finds the literals it looks for (the scanner works)', () => {
    const probe = code(`const a = '第八条'; // 第九条\n/* 第十条 */ const b = '市长质量奖';`).join('\n');
    expect([...probe.matchAll(patterns[0]!)].map((m) => m[0])).toEqual(['第八条']);
    expect(probe).toContain('市长质量奖');
  });

  it('every literal left in engine or UI code is allow-listed with a reason', () => {
    expect(hits.filter((h) => !(h in allowed))).toEqual([]);
  });

  it('the allow-list holds nothing stale, and gives a reason for each entry', () => {
    expect(Object.keys(allowed).filter((h) => !hits.includes(h))).toEqual([]);
    for (const [entry, reason] of Object.entries(allowed)) expect(reason.length, entry).toBeGreaterThan(20);
  });
});

describe('the texts moved onto award data read the same for Lianyungang and follow another award (issue 16)', async () => {
  const { lianyungang2021, jiangsuGovernor2023 } = await import('../../../src/awards/index.ts');
  const { verdictTextIn } = await import('../../../src/ui/panel/labels.ts');
  const { individualDimensions, individualArticle } = await import('../../../src/self-evaluation/individual.ts');

  it('可以申报 names 第八条/第九条 for Lianyungang, byte for byte as before; 条款未核实 for Jiangsu', () => {
    expect(verdictTextIn(lianyungang2021).eligible.detail).toEqual({ zh: '已填写的内容符合第八条/第九条的申报条件，请备齐证明材料。', en: 'What is filled in meets the conditions of Art. 8/9; gather the evidence.' });
    expect(verdictTextIn(jiangsuGovernor2023).eligible.detail.zh).toBe('已填写的内容符合申报条件（条款未核实），请备齐证明材料。');
  });

  it('the individual self-evaluation cites the award’s own articles', () => {
    const d = individualDimensions(lianyungang2021);
    expect(individualArticle(lianyungang2021)).toBe('第九条');
    expect(d.map((x) => x.article)).toEqual(['第九条(一)', '第九条(二)', '第九条(三)', '第九条(四)']);
    expect(d[3]!.requirement.zh).toBe('申报人为组织负责人的，所在组织须同时符合第八条第(六)项（信用、事故、投诉、抽查等）（第九条(四)）。');
    // an award whose individual conditions sit in 第十一条 and integrity in 第十条(六): the texts follow
    const other = {
      ...lianyungang2021,
      individual: { ...lianyungang2021.individual, sources: Object.fromEntries(Object.entries(lianyungang2021.individual.sources).map(([k, v]) => [k, { ...v, article: '第十一条' }])) },
      organization: { ...lianyungang2021.organization, sources: { ...lianyungang2021.organization.sources, integrity: { ...lianyungang2021.organization.sources.integrity!, article: '第十条' } } },
    };
    expect(individualArticle(other)).toBe('第十一条');
    expect(individualDimensions(other)[3]!.requirement.zh).toBe('申报人为组织负责人的，所在组织须同时符合第十条第(六)项（信用、事故、投诉、抽查等）（第十一条(四)）。');
  });
});

describe('rule titles cite the award’s own clause (issue 16)', async () => {
  const { lianyungang2021, jiangsuGovernor2023 } = await import('../../../src/awards/index.ts');
  const { ruleById } = await import('../../../src/eligibility/registry.ts');
  const { ruleTitle } = await import('../../../src/eligibility/rule-title.ts');
  const { clauseTitle } = await import('../../../src/ui/panel/ClauseList.tsx');

  it('9.4 names 第八条第（六）项 for Lianyungang, byte for byte as before; 条款未核实 for Jiangsu; another numbering is followed', () => {
    expect(ruleTitle(ruleById['9.4'], lianyungang2021)).toEqual({ zh: '所负责组织符合第八条第（六）项', en: 'The organisation you head meets Art. 8(6)' });
    expect(clauseTitle('9.4')).toEqual({ zh: '所负责组织符合第八条第（六）项', en: 'The organisation you head meets Art. 8(6)' });
    expect(clauseTitle('9.4', jiangsuGovernor2023)!.zh).toContain('条款未核实');
    expect(ruleTitle(ruleById['9.4'], jiangsuGovernor2023).zh).not.toMatch(/第[一二三四五六七八九十]+条/);
    const other = { ...lianyungang2021, organization: { ...lianyungang2021.organization, sources: { ...lianyungang2021.organization.sources, integrity: { ...lianyungang2021.organization.sources.integrity!, article: '第十条', clause: '(七)' } } } };
    expect(ruleTitle(ruleById['9.4'], other)).toEqual({ zh: '所负责组织符合第十条第（七）项', en: 'The organisation you head meets Art. 10(7)' });
    // a title that cites nothing reads the same under every award
    expect(ruleTitle(ruleById['8.1'], jiangsuGovernor2023)).toEqual(ruleById['8.1'].title);
  });
});

describe('the self-evaluation catalogue cites the award’s own clause (issue 16)', async () => {
  const { lianyungang2021, jiangsuGovernor2023 } = await import('../../../src/awards/index.ts');
  const { catalogueFor, gbt19580Catalogue } = await import('../../../src/self-evaluation/catalogue.ts');
  const question = (c: typeof gbt19580Catalogue) => c.flatMap((x) => x.items).find((i) => i.id === '4.7.5')!.questions[1]!;

  it('4.7.5 names 第八条第(五)项 for Lianyungang, byte for byte as before (the default catalogue too); 条款未核实 for Jiangsu', () => {
    const before = { zh: '质量专业人员占比是否逐年提高？（对应第八条第(五)项）', en: 'Is the share of qualified quality professionals rising year by year? (cf. Art. 8(5))' };
    expect(question(gbt19580Catalogue)).toEqual(before);
    expect(question(catalogueFor(lianyungang2021))).toEqual(before);
    expect(question(catalogueFor(jiangsuGovernor2023)).zh).toBe('质量专业人员占比是否逐年提高？（对应条款未核实）');
    const other = { ...lianyungang2021, organization: { ...lianyungang2021.organization, sources: { ...lianyungang2021.organization.sources, qualityStaff: { ...lianyungang2021.organization.sources.qualityStaff!, article: '第十条', clause: '(三)' } } } };
    expect(question(catalogueFor(other)).zh).toBe('质量专业人员占比是否逐年提高？（对应第十条第(三)项）');
  });

  it('only that question differs between awards: names, points and every other question are the standard’s', () => {
    const strip = (c: typeof gbt19580Catalogue) => JSON.stringify(c.map((x) => ({ ...x, items: x.items.map((i) => ({ ...i, questions: i.id === '4.7.5' ? [] : i.questions })) })));
    expect(strip(catalogueFor(jiangsuGovernor2023))).toBe(strip(gbt19580Catalogue));
    expect(catalogueFor(lianyungang2021)).toBe(catalogueFor(lianyungang2021));
  });
});

describe('the application schemas are titled in the award’s name (issue 16)', async () => {
  const { applicationJsonSchema, applicationFormSchema, jiangsuGovernor2023 } = await import('../../../src/index.ts');

  it('Lianyungang by default, byte for byte as before; another award’s name when given', () => {
    expect(applicationJsonSchema().title).toBe('连云港市市长质量奖申报文件');
    expect(String(applicationJsonSchema().description)).toMatch(/^Lianyungang Mayor Quality Award application \(lyg-award\/application@1\)\. /);
    expect(applicationFormSchema().title).toBe('连云港市市长质量奖申报');
    expect(applicationFormSchema({ lang: 'en' }).title).toBe('Lianyungang Mayor Quality Award application');
    expect(applicationJsonSchema(jiangsuGovernor2023.award).title).toBe(`${jiangsuGovernor2023.award.name.zh}申报文件`);
    expect(applicationFormSchema({ award: jiangsuGovernor2023.award }).title).toBe(`${jiangsuGovernor2023.award.name.zh}申报`);
  });
});
