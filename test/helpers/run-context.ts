/** A RunContext for suite tests: a real bridge (backend `auto`, whatever this machine has), a short policy, recorded progress and warnings. */
import { createBridge, type BridgeConfig, type GasmBridge } from '../../src/pipeline/bridge.js';
import type { RunPolicy } from '../../src/bench/runner.js';
import type { InstructionSet, ProgressEvent, RunContext } from '../../src/suites/contract.js';

export interface TestContext extends RunContext {
  events: ProgressEvent[];
  warnings: { code: string; message: string }[];
  marks: { suite: string; caseName: string; phase: 'start' | 'end' }[];
}

export const SHORT_POLICY: RunPolicy = { warmup: 1, warmupTimeMs: 0, runs: null, minRuns: 3, minTimeMs: 30 };

export function testContext(bridge: GasmBridge, options: { sets?: InstructionSet[]; policy?: Partial<RunPolicy>; bridgeConfig?: BridgeConfig; signal?: AbortSignal } = {}): TestContext {
  const events: ProgressEvent[] = [];
  const warnings: { code: string; message: string }[] = [];
  const marks: TestContext['marks'] = [];
  const bridgeConfig = options.bridgeConfig ?? {};
  return {
    bridge,
    bridgeConfig,
    createBridge: (overrides = {}) => createBridge({ ...bridgeConfig, ...overrides }),
    policy: { ...SHORT_POLICY, ...options.policy },
    sets: options.sets ?? [{ name: 'tiny', instructions: ['place the red box on the table', 'put the cup next to the plate'] }],
    signal: options.signal ?? new AbortController().signal,
    progress: (e) => events.push(e),
    sampler: { publishHeap: () => undefined, markCase: (suite, caseName, phase) => marks.push({ suite, caseName, phase }) },
    warn: (code, message) => warnings.push({ code, message }),
    events,
    warnings,
    marks,
  };
}
