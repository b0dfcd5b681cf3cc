/**
 * `gasm history`: every recorded run in a store (an SQLite file by default, or a PostgreSQL server) — import
 * report files, list runs, show a metric over commits, draw trend charts, list the steps (regressions), prune.
 */
import { visibleControls } from '../../format/control-chars.js';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { importReports } from '../../history/import-reports.js';
import { findSteps, metricHistory, writeTrendCharts } from '../../history/queries.js';
import { DEFAULT_STEP_CONFIRM, DEFAULT_STEP_THRESHOLD, type StepOptions } from '../../history/steps.js';
import { openHistoryStore, resolveStoreLocation, type HistoryStore } from '../../history/store.js';
import { metricHistoryTable, runsTable, stepsTable, type HistoryTable } from '../../history/tables.js';
import type { RunFilter } from '../../history/types.js';
import { action } from '../action.js';
import { tableStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { parseInteger, parseNumber } from '../parse-options.js';

interface StoreFlags {
  db?: string;
}
interface FilterFlags extends StoreFlags {
  suite?: string;
  branch?: string;
  machine?: string;
}
interface StepFlags extends FilterFlags {
  metric?: string[];
  threshold: string;
  confirm: string;
}

const DB_HELP = 'history store: an SQLite file or postgres://user:pass@host/db (default: $GASM_DB, else .gasm/history.db)';
const collect = (value: string, previous: string[]) => [...previous, value];

/** '5%', '0.05' and '5' all mean 5%. */
function parsePercent(flag: string, value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = parseNumber(flag, percent ? text.slice(0, -1) : text, 0, 1000);
  return percent || n >= 1 ? n / 100 : n;
}

/** An ISO date or time, or an age such as 90d, as an ISO time. */
function parseCutoff(value: string, now = Date.now()): string {
  const age = /^\s*(\d+)\s*d\s*$/i.exec(value);
  const t = age ? now - Number(age[1]) * 86_400_000 : Date.parse(value);
  if (!Number.isFinite(t)) throw new ConfigError(`--before must be a date (2025-01-31), a time (ISO 8601) or an age (90d), got '${value}'`);
  return new Date(t).toISOString();
}

function filterOf(flags: FilterFlags): RunFilter {
  return {
    ...(flags.suite !== undefined ? { suite: flags.suite } : {}),
    ...(flags.branch !== undefined ? { branch: flags.branch } : {}),
    ...(flags.machine !== undefined ? { machine: flags.machine } : {}),
  };
}

function describeFilter(f: RunFilter): string {
  const parts = [f.branch !== undefined ? `branch ${f.branch}` : 'all branches'];
  if (f.suite !== undefined) parts.push(`suite ${f.suite}`);
  if (f.machine !== undefined) parts.push(`machine ${f.machine}`);
  return parts.join(' · ');
}

function stepOptionsOf(flags: StepFlags): StepOptions {
  return { threshold: parsePercent('--threshold', flags.threshold), confirm: parseInteger('--confirm', flags.confirm, 1, 100) };
}

/** An "Examples:" block for --help. */
function examples(...lines: string[]): string {
  return ['', 'Examples:', ...lines.map((l) => `  ${l}`)].join('\n');
}

function print(table: HistoryTable): void {
  const t = new Table({ style: tableStyle(), head: table.head });
  // Cells hold names, branches and labels read from reports: control characters are shown, not obeyed.
  for (const row of table.rows) t.push(row.map((cell) => (typeof cell === 'string' ? visibleControls(cell) : cell)));
  process.stdout.write(t.toString() + '\n');
}

async function withStore<T>(flags: StoreFlags, create: boolean, fn: (store: HistoryStore) => Promise<T>): Promise<T> {
  const store = await openHistoryStore(resolveStoreLocation(flags.db), { create });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function filterOptions(c: Command): Command {
  return c
    .option('--suite <name>', 'only runs whose report holds this suite')
    .option('--branch <name>', 'only runs recorded on this branch')
    .option('--machine <fingerprint>', 'only runs of this machine fingerprint (or a prefix of it, as `list` shows)')
    .option('--db <path|url>', DB_HELP);
}

function metricOption(c: Command): Command {
  return c.option('-m, --metric <id>', 'only these metrics: an id, a prefix or a pattern with * for one segment, e.g. latency.*.median (repeatable; one matching no recorded metric is refused)', collect, []);
}

function stepOptions(c: Command): Command {
  return c
    .option('-t, --threshold <pct>', 'smallest relative change that is a step', `${DEFAULT_STEP_THRESHOLD * 100}%`)
    .option('--confirm <n>', 'following commits that must confirm a step', String(DEFAULT_STEP_CONFIRM));
}

export function register(program: Command): void {
  const history = program
    .command('history')
    .description('every recorded run: import, list, show a metric over commits, trend charts, regressions, prune')
    .addHelpText('after', [
      '',
      '`gasm bench` records each run (unless --no-history) in the store named by --db, else $GASM_DB, else',
      '.gasm/history.db under the working folder. A postgres:// URL uses a shared PostgreSQL server instead.',
    ].join('\n') + '\n' + examples('gasm history list --branch main', 'gasm history show throughput.simple.instructionsPerSecond', 'gasm history regressions --branch main --db postgres://ci@db.example/gasm'));

  history
    .command('import')
    .description('record existing report files (folders are searched for *.json); unreadable files are skipped and named')
    .argument('<paths...>', 'report files or folders')
    .option('--branch <name>', 'branch to record them under (default: unknown)')
    .option('--db <path|url>', DB_HELP)
    .addHelpText('after', examples('gasm history import reports/ --branch main', 'gasm history import old/*.json --db postgres://ci@db.example/gasm'))
    .action(
      action(async (paths: string[], flags: StoreFlags & { branch?: string }) => {
        const outcome = await withStore(flags, true, (store) => importReports(store, paths, { branch: flags.branch ?? null }));
        for (const s of outcome.skipped) process.stderr.write(`skipped ${visibleControls(s.path)}: ${visibleControls(s.reason)}\n`);
        process.stdout.write(`imported ${outcome.imported.length}, already recorded ${outcome.present.length}, skipped ${outcome.skipped.length}\n`);
        return outcome.imported.length + outcome.present.length > 0 ? EXIT.ok : EXIT.usage;
      }),
    );

  filterOptions(
    history
      .command('list')
      .description('recorded runs, newest first')
      .option('-n, --limit <n>', 'most runs shown', '50')
      .option('--json', 'print an array of runs: { id, suite, suites, createdAt, commit, branch, dirty, machine, machineLabel, … }')
      .addHelpText('after', examples('gasm history list --branch main --suite throughput', 'gasm history list --json --limit 1000 > runs.json')),
  ).action(
    action(async (flags: FilterFlags & { limit: string; json?: boolean }) => {
      const limit = parseInteger('--limit', flags.limit, 1, 10_000_000);
      const runs = await withStore(flags, false, (store) => store.listRuns(filterOf(flags), limit));
      if (flags.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
      else if (runs.length === 0) process.stdout.write('no recorded run matches\n');
      else print(runsTable(runs));
      return EXIT.ok;
    }),
  );

  stepOptions(
    filterOptions(
      history
        .command('show')
        .description('one metric over commits: its figure and 95% interval per commit and machine, steps marked')
        .argument('<metric>', 'metric id, e.g. throughput.simple.instructionsPerSecond')
        .option('--last <n>', 'newest commits shown', '30')
        .option('--json', 'print every commit as JSON')
        .addHelpText('after', examples('gasm history show throughput.simple.instructionsPerSecond --branch main', 'gasm history show latency.medium.p99 --machine b4fe --last 100')),
    ),
  ).action(
    action(async (metric: string, flags: StepFlags & { last: string; json?: boolean }) => {
      const last = parseInteger('--last', flags.last, 1, 10_000_000);
      const h = await withStore(flags, false, (store) => metricHistory(store, metric, filterOf(flags), stepOptionsOf(flags)));
      if (flags.json) {
        const { commits, machines } = h.series;
        const json = {
          metric: h.metric,
          runs: h.runs,
          machines: machines.map((m) => ({
            machine: m.machine,
            points: commits.flatMap((c, k) => (m.values[k] === null ? [] : [{ commit: c.key, firstSeen: c.firstSeen, value: m.values[k], lower: m.lower[k], upper: m.upper[k], runs: m.runs[k] }])),
            steps: m.steps.map((s) => ({ commit: commits[s.index].key, before: s.before, after: s.after, change: s.change })),
            pending: m.pending.map((s) => ({ commit: commits[s.index].key, before: s.before, after: s.after, change: s.change })),
          })),
        };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        return EXIT.ok;
      }
      process.stdout.write(`${h.metric.label} (${h.metric.id}), ${h.metric.direction} is better · ${h.runs} runs, ${h.series.commits.length} commits · ${describeFilter(filterOf(flags))}\n`);
      print(metricHistoryTable(h, last));
      return EXIT.ok;
    }),
  );

  metricOption(stepOptions(
    filterOptions(
      history
        .command('trend')
        .description('one PNG per metric: figure and 95% interval against commit order, a line per machine, steps marked')
        .option('-o, --out <dir>', 'folder for the charts', 'reports/history')
        .addHelpText('after', examples('gasm history trend --branch main --out reports/history', 'gasm history trend -m throughput. -m latency.simple --threshold 10%')),
    ),
  )).action(
    action(async (flags: StepFlags & { out: string }) => {
      const filter = filterOf(flags);
      const files = await withStore(flags, false, (store) =>
        writeTrendCharts(store, flags.out, filter, { metrics: flags.metric ?? [], steps: stepOptionsOf(flags), describe: describeFilter(filter) }),
      );
      for (const f of files) process.stdout.write(`${f.path}${f.steps ? `  (${f.steps} step${f.steps > 1 ? 's' : ''})` : ''}\n`);
      return EXIT.ok;
    }),
  );

  metricOption(stepOptions(
    filterOptions(
      history
        .command('regressions')
        .description('steps across the history (a change beyond the threshold, confirmed by the next commits), with the first commit where each appears')
        .option('--improvements', 'list improvements too')
        .option('--json', 'print the steps as JSON'),
    ),
  ))
    .addHelpText('after', [
      '',
      'Steps are found per machine fingerprint; pass --branch to follow one branch (commits are ordered by their first run).',
      '',
      'Exit status: 1 when it lists at least one regression (unconfirmed ones included; improvements alone do not',
      'count), 0 when none, 2 on unusable input (no store, no run matching the filter, a --metric matching nothing).',
    ].join('\n') + '\n' + examples('gasm history regressions --branch main', 'gasm history regressions --branch main --improvements --json'))
    .action(
      action(async (flags: StepFlags & { improvements?: boolean; json?: boolean }) => {
        const found = await withStore(flags, false, (store) => findSteps(store, filterOf(flags), { metrics: flags.metric ?? [], steps: stepOptionsOf(flags) }));
        const shown = flags.improvements ? found : found.filter((f) => f.kind === 'regression');
        if (flags.json) process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
        else if (shown.length === 0) process.stdout.write(`no ${flags.improvements ? 'step' : 'regression'} found (${describeFilter(filterOf(flags))})\n`);
        else print(stepsTable(shown));
        return shown.some((f) => f.kind === 'regression') ? EXIT.failure : EXIT.ok;
      }),
    );

  filterOptions(
    history
      .command('prune')
      .description('delete runs recorded before a date (with their metrics and reports); only with --yes')
      .requiredOption('--before <date|age>', 'delete runs created before this date, time or age (90d)')
      .option('--yes', 'really delete; without it, only say how many runs would go')
      .addHelpText('after', '\nExit status: 0 deleted, 2 nothing deleted (no --yes, or bad input).\n' + examples('gasm history prune --before 180d', 'gasm history prune --before 2025-01-01 --branch feature-x --yes')),
  ).action(
    action(async (flags: FilterFlags & { before: string; yes?: boolean }) => {
      const filter = { ...filterOf(flags), before: parseCutoff(flags.before) };
      return withStore(flags, false, async (store) => {
        if (!flags.yes) {
          const n = await store.countRuns(filter);
          process.stderr.write(`gasm: would delete ${n} run${n === 1 ? '' : 's'} created before ${filter.before} from ${store.location}; nothing deleted (add --yes to delete)\n`);
          return EXIT.usage;
        }
        const n = await store.prune(filter);
        process.stdout.write(`deleted ${n} run${n === 1 ? '' : 's'} created before ${filter.before}\n`);
        return EXIT.ok;
      });
    }),
  );
}
