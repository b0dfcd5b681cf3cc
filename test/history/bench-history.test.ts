/**
 * The "done when": `gasm bench` twice, then `gasm history trend` draws a trend chart from the store;
 * `--no-history` records nothing; a store that cannot be written is a warning, never a lost report; and
 * `gasm gate --baseline history:<branch>` pools the recorded runs. Real (short) bench runs in child processes.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { pngSize } from '../report/charts/png-checks.js';

const dir = mkdtempSync(join(tmpdir(), 'gasm-bench-history-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const SHORT = ['bench', 'throughput', '--category', 'simple', '--runs', '3', '--warmup', '0', '--warmup-time', '0', '--no-sampler', '-q'];
const env = { GASM_BRANCH: 'main' };

describe('gasm bench records into the history', () => {
  const db = join(dir, 'history.db');
  const out = join(dir, 'reports');

  it('bench twice, then history trend draws the trend chart from the embedded store', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await runCli([...SHORT, '--out', out, '--db', db], { env });
      assert.equal(r.code, 0, r.stderr);
    }
    const runs = JSON.parse((await runCli(['history', 'list', '--json', '--db', db])).stdout) as { branch: string; suite: string }[];
    assert.equal(runs.length, 2);
    assert.deepEqual(runs.map((r) => [r.branch, r.suite]), [['main', 'throughput'], ['main', 'throughput']]);
    const charts = join(dir, 'trend');
    const trend = await runCli(['history', 'trend', '--db', db, '--out', charts, '--metric', 'throughput.simple']);
    assert.equal(trend.code, 0, trend.stderr);
    assert.ok(readdirSync(charts).includes('throughput.simple.instructionsPerSecond.png'));
    assert.equal(pngSize(readFileSync(join(charts, 'throughput.simple.instructionsPerSecond.png'))).width, 2400);
  });

  it('gate --baseline history:main compares against the recorded runs of that branch and machine', async () => {
    const current = join(out, readdirSync(out).filter((n) => n.startsWith('throughput-')).sort().pop()!);
    const gate = await runCli(['gate', '--baseline', 'history:main', '--db', db, '--current', current, '--json']);
    assert.ok(gate.code === 0 || gate.code === 1, `a verdict, not an input error: ${gate.stderr}`);
    assert.ok(Array.isArray(JSON.parse(gate.stdout).comparisons));
    const none = await runCli(['gate', '--baseline', 'history:nope', '--db', db, '--current', current]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no complete run of branch 'nope'/);
  });

  it('--no-history records nothing', async () => {
    const other = join(dir, 'untouched.db');
    const r = await runCli([...SHORT, '--out', out, '--db', other, '--no-history'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(other), false);
  });

  it('a store that cannot be written is a warning: the report is written and bench succeeds', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const reports = join(dir, 'reports-2');
    const r = await runCli([...SHORT, '--out', reports, '--db', join(blocker, 'history.db')], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: .*not recorded in the history/);
    assert.ok(readdirSync(reports).some((n) => n.startsWith('throughput-')));
  });
});
