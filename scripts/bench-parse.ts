/**
 * Microseconds per instruction of the parse stage alone on the simple suite (suites/simple.txt): a warm-up of
 * 2,000 passes, then 7 timed passes of 2,000 each; prints the minimum and the median over the passes.
 * `--src <folder>` measures another checkout's src/ (e.g. an older commit extracted with `git archive`).
 * Run: node --import tsx scripts/bench-parse.ts [--src <folder>]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PASSES = 7;
const REPEAT = 2000;
const args = process.argv.slice(2);
const srcAt = args.indexOf('--src');
const src = resolve(srcAt >= 0 ? args[srcAt + 1] : join(import.meta.dirname, '..', 'src'));
const { parseInstruction } = (await import(pathToFileURL(join(src, 'pipeline', 'parse', 'index.ts')).href)) as typeof import('../src/pipeline/parse/index.js');
const lines = readFileSync(join(import.meta.dirname, '..', 'suites', 'simple.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

let sink = 0;
for (let i = 0; i < REPEAT; i++) for (const l of lines) sink += parseInstruction(l).constraints.length;
const perInstruction: number[] = [];
for (let r = 0; r < PASSES; r++) {
  const t = performance.now();
  for (let i = 0; i < REPEAT; i++) for (const l of lines) sink += parseInstruction(l).constraints.length;
  perInstruction.push(((performance.now() - t) * 1000) / (REPEAT * lines.length));
}
perInstruction.sort((a, b) => a - b);
console.log(`${src}: parse of a simple instruction min ${perInstruction[0].toFixed(2)} µs, median ${perInstruction[PASSES >> 1].toFixed(2)} µs (${lines.length} instructions × ${REPEAT} × ${PASSES}; ${sink > 0 ? 'checked' : 'none'})`);
