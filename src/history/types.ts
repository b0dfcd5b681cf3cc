/** The values the history store reads and writes. */

/** One recorded run, as `gasm history list --json` prints it. */
export interface HistoryRun {
  /** Content hash of the report. */
  id: string;
  /** The bench label (throughput, memory, all, …). */
  suite: string;
  /** The suites the report holds. */
  suites: string[];
  createdAt: string;
  /** null outside a git repository. */
  commit: string | null;
  /** null when unknown. */
  branch: string | null;
  dirty: boolean;
  /** Machine fingerprint (16 hex digits). */
  machine: string;
  /** The fingerprint's readable fields in one line. */
  machineLabel: string;
  toolVersion: string;
  /** false for a run that was interrupted (its report is partial). */
  complete: boolean;
  recordedAt: string;
  /** 'bench', or the imported file. */
  source: string;
}

/** Which runs a query reads. Every field narrows; none means every run. */
export interface RunFilter {
  /** Runs whose report holds this suite. */
  suite?: string;
  branch?: string;
  /** A machine fingerprint or a prefix of it. */
  machine?: string;
  /** Runs created before this ISO time. */
  before?: string;
}

/** One run's figure of one metric. */
export interface MetricPoint {
  runId: string;
  commit: string | null;
  branch: string | null;
  machine: string;
  createdAt: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
}

/** What a metric is, as last recorded. */
export interface MetricInfo {
  id: string;
  label: string;
  unit: string;
  direction: 'higher' | 'lower';
  statistic: string;
  /** Runs that recorded it (within the filter). */
  runs: number;
}
