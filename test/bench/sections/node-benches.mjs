// Section: Node-side benches through `vitest bench --run --outputJson`: pre-check of one application
// (core's eligibility.bench.ts), self-evaluation roll-up (self-evaluation.bench.ts) and replay of
// 10,000 cases × ~20 events (lifecycle's replay.bench.ts), plus any other *.bench.ts present.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmtMs, targetRow, TARGET_HEAD } from '../lib/report.mjs';

const EXPECTED = [
  { key: 'precheckMs', file: 'eligibility.bench.ts', pick: /one application|pre-?check|evaluate/i, owner: 'core' },
  { key: 'selfEvalMs', file: 'self-evaluation.bench.ts', pick: /roll-?up|score/i, owner: 'perf' },
  { key: 'replay10kMs', file: 'replay.bench.ts', pick: /10[,_ ]?000|10k/i, owner: 'lifecycle' },
];

function runVitestBench(root, outFile, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/vitest'), ['bench', '--run', '--outputJson', outFile], {
      cwd: root, env: { ...process.env, FORCE_COLOR: '0', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, log }); });
  });
}

export async function nodeBenchSection({ root, timeoutMs = 240_000 }) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-vbench-'));
  const outFile = path.join(outDir, 'bench.json');
  const { code, signal, log } = await runVitestBench(root, outFile, timeoutMs);
  const json = fs.existsSync(outFile) ? JSON.parse(fs.readFileSync(outFile, 'utf8')) : null;
  fs.rmSync(outDir, { recursive: true, force: true });
  if (!json) {
    return { id: 'node', title: 'Node benches (vitest bench)', status: 'not measured', why: signal ? `vitest bench was stopped after ${timeoutMs / 1000} s` : `vitest bench wrote no JSON (exit ${code}): ${log.trim().split('\n').slice(-3).join(' ')}`, tables: [], notes: [], metrics: {} };
  }
  const benches = [];
  for (const f of json.files ?? []) {
    for (const g of f.groups ?? []) {
      for (const b of g.benchmarks ?? []) benches.push({ file: path.basename(f.filepath), group: g.fullName.split(' > ').slice(1).join(' > '), ...b });
    }
  }
  const failedFiles = [...log.matchAll(/FAIL\s+(\S+\.bench\.ts)[^\n]*\n([^\n]*)/g)].map((m) => `${path.basename(m[1])}: ${m[2].trim()}`);
  const rows = benches.map((b) => [b.file, [b.group, b.name].filter(Boolean).join(' > '), fmtMs(b.mean), fmtMs(b.median), fmtMs(b.p99), b.hz >= 10 ? Math.round(b.hz).toLocaleString('en') : b.hz.toFixed(2), String(b.sampleCount), `±${b.rme.toFixed(1)}%`]);
  const metrics = {};
  const targetRows = EXPECTED.map((e) => {
    const inFile = benches.filter((b) => b.file === e.file);
    const hit = inFile.find((b) => e.pick.test(`${b.group} ${b.name}`)) ?? inFile[0];
    metrics[e.key] = hit ? hit.mean : null;
    const present = fs.existsSync(path.join(root, 'test/bench', e.file));
    return targetRow(e.key, hit?.mean, { note: present ? `${e.file} produced no result` : `test/bench/${e.file} (owner: ${e.owner}) has not landed` });
  });
  const notes = ['Times are per call in ms (tinybench through vitest 4 bench, Node, one process); the target column checks the mean.'];
  if (failedFiles.length) notes.push(`bench files that failed: ${failedFiles.join('; ')}`);
  return {
    id: 'node', title: 'Node benches (vitest bench)', status: benches.length ? 'measured' : 'not measured',
    why: benches.length ? undefined : 'no benchmark results',
    tables: [
      { caption: 'Against targets', head: TARGET_HEAD, rows: targetRows },
      { caption: 'Every benchmark', head: ['file', 'bench', 'mean ms', 'median ms', 'p99 ms', 'ops/s', 'samples', 'rme'], rows, align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'] },
    ],
    notes, metrics: { ...metrics, benches: benches.map(({ samples, ...b }) => b) },
  };
}
