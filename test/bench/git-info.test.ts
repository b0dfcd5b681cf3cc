import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitInfo } from '../../src/bench/git-info.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).toString().trim();

/** A repository whose config runs programs that would leave marker files in `marks` if git ran them. */
async function hostileRepo(): Promise<{ repo: string; marks: string }> {
  const root = await mkdtemp(join(tmpdir(), 'gasm-git-'));
  const repo = join(root, 'repo');
  const marks = join(root, 'marks');
  execFileSync('mkdir', ['-p', repo, marks]);
  git(repo, 'init', '-q', '-b', 'feature/x');
  git(repo, 'config', 'user.email', 't@example.com');
  git(repo, 'config', 'user.name', 't');
  await writeFile(join(repo, 'a.txt'), 'hello\n');
  await writeFile(join(repo, '.gitattributes'), '* filter=evil\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'init');
  const hook = join(root, 'fsmonitor.sh');
  await writeFile(hook, `#!/bin/sh\ntouch '${marks}/fsmonitor'\n`);
  await chmod(hook, 0o755);
  git(repo, 'config', 'core.fsmonitor', hook);
  git(repo, 'config', 'filter.evil.clean', `sh -c "touch '${marks}/filter'; cat"`);
  git(repo, 'config', 'filter.evil.process', `sh -c "touch '${marks}/process'"`);
  git(repo, 'config', 'core.hooksPath', root);
  await writeFile(join(root, 'post-index-change'), `#!/bin/sh\ntouch '${marks}/hook'\n`);
  await chmod(join(root, 'post-index-change'), 0o755);
  // A stat change makes git compare contents (where it would run the clean filter).
  const later = new Date(Date.now() + 5000);
  await utimes(join(repo, 'a.txt'), later, later);
  return { repo, marks };
}

test('git facts are read without running the repository’s fsmonitor, filters or hooks', async () => {
  const { repo, marks } = await hostileRepo();
  const info = await readGitInfo(repo);
  assert.deepEqual(await readdir(marks), [], 'no configured program ran');
  assert.ok(info);
  assert.equal(info.commit, git(repo, 'rev-parse', 'HEAD'));
  assert.equal(info.branch, 'feature/x');
  assert.equal(info.dirty, false);
  await writeFile(join(repo, 'a.txt'), 'changed\n');
  assert.equal((await readGitInfo(repo))?.dirty, true);
  assert.deepEqual(await readdir(marks), []);
});

test('outside a repository there are no git facts', async () => {
  assert.equal(await readGitInfo(await mkdtemp(join(tmpdir(), 'gasm-nogit-'))), null);
});
