// The tests must leave the git tree as they found it (issue 17): a run that rewrites a tracked file
// or leaves an unignored one behind makes every checkout dirty. `snapshot` records what git shows as
// changed (with each file's content hash) before a run; `changedSince` names what the run changed.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** path → content hash of every file git lists as changed or untracked (not ignored); null outside a git checkout. */
export function snapshot(root) {
  const r = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const files = new Map();
  const entries = r.stdout.split('\0').filter(Boolean);
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    const file = entry.slice(3);
    if (entry[0] === 'R' || entry[0] === 'C') k++; // the rename's source path follows
    const abs = path.join(root, file);
    const hash = fs.existsSync(abs) && fs.statSync(abs).isFile() ? crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex') : 'gone';
    files.set(file, hash);
  }
  return files;
}

/** The files a run changed: newly listed by git, or listed before with other content now. */
export function changedSince(before, after) {
  if (!before || !after) return [];
  return [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file).sort();
}
