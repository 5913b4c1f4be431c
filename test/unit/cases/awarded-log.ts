/** A Lianyungang organisation's case from 申报 to 市政府批准 (第十条), one event a month: the awarded log several tests start from. */
export const awardedLog = [
  { type: 'apply', on: '2026-03-01', kind: 'organization' },
  { type: 'recommend', on: '2026-03-10', by: '推荐单位' },
  { type: 'accept', on: '2026-04-01' },
  { type: 'pass-material-review', on: '2026-05-01' },
  { type: 'complete-site-review', on: '2026-06-01' },
  { type: 'propose', on: '2026-07-01', tier: 'award' },
  { type: 'committee-approve', on: '2026-08-01' },
  { type: 'publicity-end', on: '2026-09-01' },
  { type: 'government-approve', on: '2026-09-10' },
] as const;
