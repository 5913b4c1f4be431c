import { replayCase } from './src/cases/replay.ts';
import { replayYear } from './src/cases/year.ts';
import { addDays } from './src/core/dates.ts';
const mk = (i: number) => { const d = (n: number) => addDays('2026-01-05', (i % 60) + n); const kind = i%4===0?'individual':'organization';
 return [
    { type: 'apply', on: d(0), kind }, { type: 'return', on: d(1) }, { type: 'apply', on: d(2), kind }, { type: 'accept', on: d(3) },
    { type: 'recommend', on: d(4), by: '海州区人民政府' }, { type: 'accept', on: d(6) }, { type: 'recommend', on: d(5), by: 'x' },
    { type: 'pass-material-review', on: d(10) }, { type: 'complete-site-review', on: d(14) }, { type: 'complete-presentation', on: d(15) },
    { type: 'propose', on: d(20), tier: 'award' }, { type: 'committee-approve', on: d(30) }, { type: 'publicity-end', on: d(35) },
    { type: 'publicity-end', on: d(37) }, { type: 'government-approve', on: d(45) }, { type: 'withdraw', on: d(46) },
    { type: 'revoke', on: d(400), reason: 'fraud' }, { type: 'apply', on: d(401), kind }, { type: 'accept', on: d(402) }, { type: 'recommend', on: d(403), by: 'y' }] as any[]; };
const cases = Array.from({length: 10000}, (_, i) => mk(i));
for (let r=0;r<5;r++){ let t = performance.now(); for (const c of cases) replayCase(c); console.log('cases', (performance.now()-t).toFixed(0));
 t = performance.now(); replayYear(cases.map((events, i) => ({ id: 'c'+i, year: 2006 + i % 20, events }))); console.log('year', (performance.now()-t).toFixed(0)); }
{ const c0 = process.cpuUsage(); const t = performance.now(); for (const c of cases) replayCase(c); const c1 = process.cpuUsage(c0); console.log('cases wall', (performance.now()-t).toFixed(0), 'cpu', ((c1.user+c1.system)/1000).toFixed(0)); }
{ const c0 = process.cpuUsage(); const t = performance.now(); replayYear(cases.map((events, i) => ({ id: 'c'+i, year: 2006 + i % 20, events }))); const c1 = process.cpuUsage(c0); console.log('year wall', (performance.now()-t).toFixed(0), 'cpu', ((c1.user+c1.system)/1000).toFixed(0)); }
