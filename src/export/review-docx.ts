import { catalogueItemById } from '../self-evaluation/catalogue.ts';
import { formatScore } from '../self-evaluation/score.ts';
import type { AwardPack } from '../policy/schema.ts';
import { formatSource } from '../policy/cite.ts';
import { packOrInForce, type AwardRef } from '../awards/index.ts';
import { findingOutcomeLabels } from '../experts/consensus.ts';
import { rankApplicants } from '../experts/ranking.ts';
import { panelConsensus, type PanelRecord } from '../experts/store.ts';
import { formatLocalTime } from '../core/local-time.ts';

/**
 * The expert group's 评审报告 per applicant (第十条（四）) and the office's 综合评价报告 (第十条（五）),
 * as Word documents with the `docx` package (lazy: about 1 MB, never in a first chunk).
 */
interface CaseLike {
  id: string;
  applicantName: string;
  kind: 'organization' | 'individual';
  year: number;
  /** the award and version the case is judged by (absent: the default award's version in force) */
  award?: AwardRef;
}

type Pack = Pick<AwardPack, 'title' | 'award' | 'quotas' | 'lifecycle'>;

/** 第十条（五） as this pack numbers it, or 条款未核实 when its data do not give the clause. */
const citeStep = (pack: Pack, key: string) => {
  const source = pack.lifecycle.sources[key];
  return source ? formatSource(source).zh : '条款未核实';
};
const sameAward = (ref: AwardRef | undefined, pack: Pack) => packOrInForce(ref).award.id === pack.award.id;

async function kit() {
  const d = await import('docx');
  const p = (text: string, o: { bold?: boolean; size?: number } = {}) => new d.Paragraph({ children: [new d.TextRun({ text, bold: o.bold, size: o.size })] });
  const h = (text: string, level: 1 | 2 = 1) => new d.Paragraph({ heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2, children: [new d.TextRun({ text })] });
  const cell = (text: string, bold = false) => new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, bold, size: 20 })] })] });
  const table = (head: string[], rows: string[][]) =>
    new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: [new d.TableRow({ tableHeader: true, children: head.map((t) => cell(t, true)) }), ...rows.map((r) => new d.TableRow({ children: r.map((t) => cell(t)) }))],
    });
  const title = (text: string) => new d.Paragraph({ heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text })] });
  const pack = async (children: unknown[]) => new Uint8Array(await (await d.Packer.toBlob(new d.Document({ sections: [{ children: children as never }] }))).arrayBuffer());
  const packNode = async (children: unknown[]) => d.Packer.toBuffer(new d.Document({ sections: [{ children: children as never }] }));
  return { p, h, table, title, pack: typeof Blob !== 'undefined' && typeof window !== 'undefined' ? pack : async (c: unknown[]) => new Uint8Array(await packNode(c)) };
}

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

export async function exportReviewReportDocx(panel: PanelRecord, record: CaseLike): Promise<Uint8Array> {
  const { p, h, table, title, pack: write } = await kit();
  const pack = packOrInForce(record.award);
  const c = panelConsensus(panel);
  const material = panel.recorded.find((r) => r.type.endsWith('material-review'));
  const site = panel.recorded.find((r) => r.type === 'complete-site-review' || r.type === 'complete-presentation');
  const children: unknown[] = [
    title('评审报告'),
    p(`申报${record.kind === 'organization' ? '组织' : '个人'}：${record.applicantName}（${record.year} 年度）`, { bold: true }),
    p(`评审专家：${c.experts.map((e) => `${e.name}${e.recused ? '（回避）' : ''}`).join('、')}`),
    p(`依据：《${pack.title.zh.replace(/（\d{4}）$/, '')}》${citeStep(pack, 'review')}、${citeStep(pack, 'report')}；GB/T 19580-2012《卓越绩效评价准则》。`),
    h('一、评分'),
    table(
      ['条款', '分值', ...c.experts.filter((e) => !e.recused).map((e) => e.name), '极差', '合议', '最终', '得分'],
      c.items.map((i) => [
        `${i.id} ${catalogueItemById.get(i.id)!.name.zh}`, String(i.points),
        ...c.experts.filter((e) => !e.recused).map((e) => pct(i.scores.find((s) => s.expert === e.id)?.percent ?? null)),
        i.spread === null ? '—' : String(i.spread), pct(i.consensus), pct(i.final), i.final === null ? '—' : formatScore((i.points * i.final) / 100),
      ]),
    ),
    p(`合议总分：${formatScore(c.consensusTotal)} / 1000；现场核实后总分：${formatScore(c.finalTotal)} / 1000`, { bold: true }),
    h('二、优势'),
  ];
  const texts = (field: 'strengths' | 'opportunities') => {
    const out: unknown[] = [];
    for (const i of c.items) for (const t of i[field]) out.push(p(`${i.id} ${catalogueItemById.get(i.id)!.name.zh}：${t.text}`));
    return out.length ? out : [p('（无）')];
  };
  children.push(...texts('strengths'), h('三、改进机会'), ...texts('opportunities'), h(record.kind === 'organization' ? '四、现场评审发现' : '四、陈述答辩发现'));
  const findings = c.items.filter((i) => i.finding);
  children.push(...(findings.length ? findings.map((i) => p(`${i.id}：${findingOutcomeLabels[i.finding!.outcome].zh}${i.finding!.percent !== null ? `，得分率调整为 ${i.finding!.percent}%` : ''}${i.finding!.note ? `。${i.finding!.note}` : ''}`)) : [p('（无）')]));
  children.push(h('五、结论'));
  children.push(p(material ? `资料审查：${material.type === 'pass-material-review' ? '通过' : '未通过'}（${material.on}）。` : '资料审查结果尚未记录。'));
  children.push(p(site ? `${record.kind === 'organization' ? '现场评审' : '陈述答辩'}已于 ${site.on} 完成，最终得分 ${formatScore(c.finalTotal)} 分。` : `${record.kind === 'organization' ? '现场评审' : '陈述答辩'}尚未完成。`));
  if (c.changes.length) {
    children.push(h('附：合议与调整记录', 2));
    children.push(...c.changes.map((ch) => p(`${formatLocalTime(ch.at)} ${ch.by}：${ch.item} ${ch.from === null ? '—' : `${ch.from}%`} → ${ch.to === null ? '—' : `${ch.to}%`}，${ch.why || '无说明'}`)));
  }
  return write(children);
}

/**
 * The office's 综合评价报告 for one award (its name, office, committee, quotas and their articles all
 * from `pack`): the cases judged by another award are left out, each award has its own quotas.
 */
export async function exportPanelSummaryDocx(panels: readonly PanelRecord[], cases: readonly CaseLike[], pack: Pack): Promise<Uint8Array> {
  const { p, h, table, title, pack: write } = await kit();
  const entries = panels.flatMap((panel) => {
    const c = cases.find((x) => x.id === panel.caseId);
    if (!c || !sameAward(c.award, pack)) return [];
    const r = panelConsensus(panel);
    const passed = panel.recorded.some((x) => x.type === 'pass-material-review');
    if (!passed) return [];
    return [{ caseId: c.id, applicantName: c.applicantName, kind: c.kind, total: r.finalTotal, siteDone: panel.recorded.some((x) => x.type === 'complete-site-review' || x.type === 'complete-presentation') }];
  });
  const ranking = rankApplicants(entries, pack);
  const q = pack.quotas;
  const { shortName, nominationName, terms } = pack.award;
  const tier = (t: 'award' | 'nomination' | null) => (t === 'award' ? shortName.zh : t === 'nomination' ? nominationName.zh : '—');
  const quotaArticle = formatSource(q.award.source).zh;
  const nominationArticle = formatSource(q.nomination.source).zh;
  return write([
    title('综合评价报告'),
    p(`${pack.award.name.zh} · ${terms.office.zh}`, { bold: true }),
    p(`依据：《${pack.title.zh.replace(/（\d{4}）$/, '')}》${citeStep(pack, 'publicity')}；名额依${quotaArticle}${nominationArticle === quotaArticle ? '' : `、${nominationArticle}`}。`),
    h('一、名额'),
    p(`${shortName.zh}每年不超过 ${q.award.max} 个，其中个人不超过 ${q.award.maxIndividuals} 名；${nominationName.zh}不超过 ${q.nomination.max} 个${q.nomination.target ? `（一般 ${q.nomination.target} 个以上）` : ''}，其中个人不超过 ${q.nomination.maxIndividuals} 名（${quotaArticle}）。`),
    h('二、排名与得分'),
    entries.length
      ? table(['名次', '申报方', '类别', '最终得分', '现场/答辩', '建议'], ranking.entries.map((e) => [String(e.rank), e.applicantName, e.kind === 'organization' ? '组织' : '个人', formatScore(e.total), e.siteDone ? '已完成' : '未完成', tier(e.proposed) + (e.tieAtEdge ? '（同分，需审议）' : '')]))
      : p('（尚无通过资料审查的申报方）'),
    h('三、建议名单'),
    ...(['award', 'nomination'] as const).map((t) => p(`${tier(t)}：${ranking.entries.filter((e) => e.proposed === t).map((e) => e.applicantName).join('、') || '（无）'}`)),
    p(`本名单为按得分和名额生成的建议，须经${terms.office.zh}召集相关部门审议后报${terms.committee.zh}。`),
  ]);
}
