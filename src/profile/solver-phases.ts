/** Per-phase profile of the solver: the LM phase observer (solve/lm-solver.ts) around the bridge's work. */
import { setPhaseObserver, type SolverPhase } from '../pipeline/solve/lm-solver.js';

/** One solver phase's share of the profiled work. */
export interface PhaseRow {
  phase: SolverPhase;
  calls: number;
  totalMs: number;
}

/** The phases in the order an iteration runs them. */
export const PHASES: readonly SolverPhase[] = ['residuals', 'jacobian', 'normal-equations', 'cholesky', 'line-search'];

/** Runs `work` with the phase observer set and returns every phase's calls and total time (zero rows included). */
export function profileSolverPhases(work: () => void): PhaseRow[] {
  const rows = new Map<SolverPhase, PhaseRow>(PHASES.map((phase) => [phase, { phase, calls: 0, totalMs: 0 }]));
  const previous = setPhaseObserver((phase, ms) => {
    const row = rows.get(phase);
    if (row) {
      row.calls++;
      row.totalMs += ms;
    }
  });
  try {
    work();
  } finally {
    setPhaseObserver(previous);
  }
  return PHASES.map((phase) => rows.get(phase) as PhaseRow);
}
