// The AMO sources zip must hold the project's sources only: no test artefacts, builds, profiles or
// logs (issue 17: 89 ignored test files, 14.75 MB, once went in). What git ignores is, by definition,
// not source: every entry git would ignore is reported (the fixed patterns stand in outside a checkout).
import { spawnSync } from 'node:child_process';

const NEVER_SOURCE = [/^test\/artifacts\//, /^\.output\//, /^\.wxt\//, /^node_modules\//, /\.log$/, /^stats\.html$/];

/** The entries of a sources zip that are not sources (git-ignored, or a known output path). */
export function notSources(root, entries) {
  const files = entries.filter((e) => !e.endsWith('/'));
  const bad = new Set(files.filter((f) => NEVER_SOURCE.some((re) => re.test(f))));
  const r = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: root, input: files.join('\n'), encoding: 'utf8' });
  if (!r.error && (r.status === 0 || r.status === 1)) for (const f of r.stdout.split('\n').filter(Boolean)) bad.add(f);
  return [...bad].sort();
}
