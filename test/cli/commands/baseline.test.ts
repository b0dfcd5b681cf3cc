import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSampleReport } from '../../helpers/sample-report.js';
import { ROOT } from '../../helpers/run-cli.js';

/** tsx by URL: `--import tsx` would be looked up from `cwd`, which has no node_modules. */
const TSX = import.meta.resolve('tsx');

/** Runs the CLI from source in `cwd` (the baseline store is relative to the working folder). */
function gasm(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd, env: { ...process.env, CI: 'true', GITHUB_STEP_SUMMARY: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('baseline save/show, then gate against the saved default baseline with a job summary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-baseline-cli-'));
  await mkdir(join(dir, 'reports'));
  await writeFile(join(dir, 'base.json'), JSON.stringify(makeSampleReport({ seed: 1 })));
  await writeFile(join(dir, 'reports', 'latest.json'), JSON.stringify(makeSampleReport({ seed: 2, slowdown: 1.2 })));

  const none = await gasm(dir, ['gate']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no baseline 'default' saved/);

  const saved = await gasm(dir, ['baseline', 'save', 'base.json']);
  assert.equal(saved.code, 0, saved.stderr);
  assert.match(saved.stdout, /baseline 'default' saved: \.gasm[/\\]baselines[/\\]default\.json/);
  const again = await gasm(dir, ['baseline', 'save', 'base.json']);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists; use --force/);
  assert.equal((await gasm(dir, ['baseline', 'save', 'base.json', '--force'])).code, 0);

  const show = await gasm(dir, ['baseline', 'show']);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /default\.json\n .*backend wasm/);

  const summary = join(dir, 'summary.md');
  await writeFile(summary, '# earlier step\n');
  const gate = await gasm(dir, ['gate', '--json', '--metric', 'throughput.simple.instructionsPerSecond'], { GITHUB_STEP_SUMMARY: summary });
  assert.equal(gate.code, 1, gate.stderr);
  const result = JSON.parse(gate.stdout) as { passed: boolean; baseline: string; comparisons: { id: string; verdict: string }[] };
  assert.equal(result.passed, false);
  assert.match(result.baseline, /default\.json$/);
  assert.deepEqual(result.comparisons.map((c) => `${c.id} ${c.verdict}`), ['throughput.simple.instructionsPerSecond regression']);
  const md = await readFile(summary, 'utf8');
  assert.ok(md.startsWith('# earlier step\n## gasm gate'), 'the summary is appended, not replaced');
  assert.match(md, /\| throughput\.simple\.instructionsPerSecond \|.*\*\*regression\*\*/);
});
