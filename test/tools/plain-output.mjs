// Logs for files and CI: when the output is not a terminal, a child's spinners (redrawn with \r) and
// colour codes are taken out, so test logs read as plain lines. On a terminal nothing changes.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

/** One line as a terminal would finally show it: the last text after any carriage return, no escapes. */
export function plainLine(raw) {
  const shown = raw.split('\r').map((part) => stripVTControlCharacters(part)).filter((part) => part.trim() !== '');
  return shown.at(-1) ?? '';
}

/** Splits a stream into lines and writes each as plainLine (blank redraw-only lines are dropped). */
function pipePlain(stream, out) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const text = plainLine(line);
      if (text !== '' || stripVTControlCharacters(line).trim() === '') out.write(`${text}\n`);
    }
  });
  stream.on('end', () => {
    const text = plainLine(pending);
    if (text) out.write(`${text}\n`);
  });
}

/** The environment for a child whose output is not a terminal: no colour (FORCE_COLOR, even "0", forces it in picocolors). */
export function quietEnv(env = process.env, tty = Boolean(process.stdout.isTTY)) {
  if (tty) return env;
  const { FORCE_COLOR: _drop, ...rest } = env;
  return { ...rest, NO_COLOR: '1', CI: rest.CI ?? 'true' };
}

/** Runs a command; resolves to its exit status. Plain lines when our stdout is not a terminal. */
export function run(cmd, args, { cwd, env = process.env, tty = Boolean(process.stdout.isTTY) } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: quietEnv(env, tty), stdio: tty ? 'inherit' : ['inherit', 'pipe', 'pipe'] });
    if (!tty) {
      pipePlain(child.stdout, process.stdout);
      pipePlain(child.stderr, process.stderr);
    }
    child.on('error', (err) => { console.error(String(err)); resolve(1); });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
