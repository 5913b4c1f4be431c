import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs tool without types
import { changedSince, snapshot } from '../../tools/tree-changes.mjs';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function repo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-tree-'));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'test/artifacts/\n');
  fs.mkdirSync(path.join(dir, 'public/help'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'public/help/clerk.jpg'), 'old picture');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'already edited');
  git('add', '.');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'start');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'edited before the run');
  return dir;
}

describe('tree-changes: a test run leaves the git tree as it found it', () => {
  it('names a tracked file the run rewrote and a new unignored file, not ignored output or earlier edits', () => {
    const dir = repo();
    const before = snapshot(dir);
    fs.writeFileSync(path.join(dir, 'public/help/clerk.jpg'), 'new picture');
    fs.writeFileSync(path.join(dir, 'public/help/stray.png'), 'left behind');
    fs.mkdirSync(path.join(dir, 'test/artifacts/help'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'test/artifacts/help/clerk.jpg'), 'fresh picture');
    expect(changedSince(before, snapshot(dir))).toEqual(['public/help/clerk.jpg', 'public/help/stray.png']);
  });

  it('names a file edited before the run when the run changes it again', () => {
    const dir = repo();
    const before = snapshot(dir);
    expect(changedSince(before, snapshot(dir))).toEqual([]);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'rewritten by the run');
    expect(changedSince(before, snapshot(dir))).toEqual(['notes.txt']);
  });

  it('outside a git checkout there is nothing to compare', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'award-pilot-nogit-'));
    dirs.push(dir);
    expect(snapshot(dir)).toBeNull();
  });
});
