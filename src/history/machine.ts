/**
 * The machine fingerprint a run is recorded under: CPU model, core count, the backend that ran and the model
 * configuration. Runs are only comparable within one fingerprint, so trends draw one line per fingerprint and
 * the gate's history baseline pools runs of the current fingerprint only. The hash is stable (SHA-256 of the
 * fields in a fixed order, 16 hex digits); the readable fields are stored beside it.
 */
import { createHash } from 'node:crypto';
import type { BenchReport } from '../report/types.js';

/** A fingerprint and the facts it hashes. */
export interface Machine {
  fingerprint: string;
  cpuModel: string;
  cores: number;
  backend: string;
  model: BenchReport['config']['model'];
  /** One readable line. */
  label: string;
}

/** Hex digits of the fingerprint kept. */
export const FINGERPRINT_LENGTH = 16;

/** The machine a report ran on. */
export function machineOf(report: BenchReport): Machine {
  const { cpuModel, cores, backend } = report.system;
  const m = report.config.model;
  const model = { featureDim: m.featureDim, hiddenDim: m.hiddenDim, heads: m.heads, iterations: m.iterations, seed: m.seed };
  const fields = [cpuModel.trim(), cores, backend, model.featureDim, model.hiddenDim, model.heads, model.iterations, model.seed];
  const fingerprint = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, FINGERPRINT_LENGTH);
  const label = `${cpuModel.trim()} (${cores} cores), ${backend}, model f${model.featureDim} h${model.hiddenDim} ${model.heads} heads ${model.iterations} it seed ${model.seed}`;
  return { fingerprint, cpuModel: cpuModel.trim(), cores, backend, model, label };
}
