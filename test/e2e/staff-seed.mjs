// Seed data for the staff page e2e: cases at every stage of the lifecycle, as a lyg-award/cases@1 file.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code (GB 32100-2015) from a number. */
export function creditCode(n) {
  let body = `913207${String(n).padStart(8, '0')}`;
  body = (body + '000').slice(0, 17).split('').map((ch) => (ALPHABET.includes(ch) ? ch : '0')).join('');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]) * ((3 ** i) % 31);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

const chains = {
  draft: () => [],
  recommendation: (k) => [{ type: 'apply', on: '2026-03-02', kind: k }],
  'qualification-review': (k, rec) => [...chains.recommendation(k), { type: 'recommend', on: '2026-04-01', by: rec }],
  'material-review': (k, rec) => [...chains['qualification-review'](k, rec), { type: 'accept', on: '2026-05-06' }],
  review: (k, rec) => [...chains['material-review'](k, rec), { type: 'pass-material-review', on: '2026-06-03' }],
  'comprehensive-evaluation': (k, rec) => [
    ...chains.review(k, rec),
    { type: k === 'organization' ? 'complete-site-review' : 'complete-presentation', on: '2026-07-08' },
  ],
  committee: (k, rec, tier) => [...chains['comprehensive-evaluation'](k, rec), { type: 'propose', on: '2026-08-05', tier }],
  publicity: (k, rec, tier) => [...chains.committee(k, rec, tier), { type: 'committee-approve', on: '2026-09-01' }],
  approval: (k, rec, tier) => [...chains.publicity(k, rec, tier), { type: 'publicity-end', on: '2026-09-08' }],
  awarded: (k, rec, tier) => [...chains.approval(k, rec, tier), { type: 'government-approve', on: '2026-09-20' }],
  'not-recommended': (k) => [...chains.recommendation(k), { type: 'decline', on: '2026-04-02' }],
  withdrawn: (k, rec) => [...chains['qualification-review'](k, rec), { type: 'withdraw', on: '2026-04-20' }],
  disqualified: (k, rec) => [...chains['material-review'](k, rec), { type: 'false-material-found', on: '2026-05-20' }],
  // A refused event stays in the log: accept while still in recommendation (wrong stage).
  refused: (k) => [...chains.recommendation(k), { type: 'accept', on: '2026-03-10' }],
};

const recommenders = ['海州区人民政府', '连云区人民政府', '赣榆区人民政府', '东海县人民政府', '市工业和信息化局'];
const names = ['港口集团', '恒瑞医药', '天明化工', '中复神鹰', '豪森药业', '正大天晴', '康缘药业', '亚邦染料', '新浦钢铁', '鹰游纺机'];

/** 30 cases for 2026: mostly organisations, a few individuals, spread over the lifecycle. */
export function seedCases() {
  const plan = [
    ['draft', 2], ['recommendation', 3], ['qualification-review', 3], ['material-review', 3], ['review', 2],
    ['comprehensive-evaluation', 2], ['committee', 4], ['publicity', 2], ['approval', 1], ['awarded', 2],
    ['not-recommended', 1], ['withdrawn', 2], ['disqualified', 1], ['refused', 2],
  ];
  const cases = [];
  let n = 0;
  for (const [stage, count] of plan) {
    for (let i = 0; i < count; i++, n++) {
      const individual = n % 7 === 3 && stage !== 'awarded';
      const kind = individual ? 'individual' : 'organization';
      const rec = recommenders[n % recommenders.length];
      const tier = stage === 'awarded' ? (i === 0 ? 'award' : 'nomination') : n % 2 ? 'award' : 'nomination';
      const name = individual ? `个人申报人${n + 1}号` : `连云港${names[n % names.length]}有限公司${n + 1}`;
      cases.push({
        header: { id: `case-2026-${String(n + 1).padStart(3, '0')}`, year: 2026, kind, applicantName: name, creditCode: individual ? null : creditCode(1000 + n), recommender: rec },
        events: chains[stage](kind, rec, tier).map((event) => ({ event, recordedBy: 'seed' })),
      });
    }
  }
  return { format: 'lyg-award/cases@1', exportedAt: '2026-11-26T00:00:00.000Z', cases };
}

/** Many cases for the list-scrolling check (year 2025, a few events each). */
export function manyCases(count) {
  const cases = [];
  const stages = ['draft', 'recommendation', 'qualification-review', 'material-review', 'not-recommended'];
  for (let n = 0; n < count; n++) {
    const stage = stages[n % stages.length];
    const rec = recommenders[n % recommenders.length];
    cases.push({
      header: { id: `bulk-${n}`, year: 2025, kind: 'organization', applicantName: `批量测试企业${n}`, creditCode: null, recommender: rec },
      events: chains[stage]('organization', rec, 'nomination').map((event) => ({ event: { ...event, on: event.on.replace('2026', '2025') }, recordedBy: 'seed' })),
    });
  }
  return { format: 'lyg-award/cases@1', cases };
}

/** 2027: four Mayor-award approvals (one over the 第四条 quota of 3) and a fifth case waiting for approval. */
export function quotaCases() {
  const to2027 = (events, shiftDays = 0) =>
    events.map((event) => {
      const on = event.on.replace('2026', '2027');
      if (event.type !== 'government-approve' || !shiftDays) return { event: { ...event, on }, recordedBy: 'seed' };
      return { event: { ...event, on: `2027-09-${String(20 + shiftDays).padStart(2, '0')}` }, recordedBy: 'seed' };
    });
  const cases = [];
  for (let i = 0; i < 5; i++) {
    const stage = i < 4 ? 'awarded' : 'approval';
    cases.push({
      header: { id: `quota-2027-${i + 1}`, year: 2027, kind: 'organization', applicantName: `名额测试企业${i + 1}`, creditCode: creditCode(5000 + i), recommender: recommenders[i] },
      events: to2027(chains[stage]('organization', recommenders[i], 'award'), i),
    });
  }
  return { format: 'lyg-award/cases@1', cases };
}
