/** Human-readable rendering of responses for `gasm run` (tables via cli-table3). */
import Table from 'cli-table3';
import { visibleControls } from '../format/control-chars.js';
import type { GasmResponse } from '../pipeline/types.js';
import { paint, tableStyle } from './colour.js';

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

/** One response as text: status line, poses table, constraints table, timings. */
export function formatResponse(r: GasmResponse): string {
  const lines: string[] = [];
  const status = r.success ? paint.good('ok') : paint.bad('FAILED');
  // The instruction and messages quoting it are the user's text: control characters are shown, not obeyed.
  const text = visibleControls(r.instruction);
  lines.push(`${status}  "${text.length > 120 ? text.slice(0, 117) + '...' : text}"`);
  if (r.error) lines.push(`  error: ${visibleControls(r.error)}`);
  for (const w of r.warnings ?? []) lines.push(`  note: ${visibleControls(w)}`);
  const names = Object.keys(r.targetPoses);
  if (names.length > 0) {
    const poses = new Table({ style: tableStyle(), head: ['entity', 'x (m)', 'y (m)', 'z (m)', 'orientation [w,x,y,z]', 'confidence'] });
    for (const name of names) {
      const p = r.targetPoses[name];
      poses.push([visibleControls(name), fmt(p.position[0]), fmt(p.position[1]), fmt(p.position[2]), p.orientation.map((v) => fmt(v)).join(', '), fmt(p.confidence, 2)]);
    }
    lines.push(poses.toString());
  }
  if (r.constraints.length > 0) {
    const table = new Table({ style: tableStyle(), head: ['constraint', 'subject', 'target(s)', 'parameters', 'satisfied', 'residual'] });
    for (const c of r.constraints) {
      const params = Object.entries(c.parameters).map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(4) : v}`).join(' ');
      table.push([c.type, visibleControls(c.subject), visibleControls(c.targets.join(', ')) || '(world)', params, c.satisfied ? 'yes' : paint.bad('NO'), c.residual.toExponential(1)]);
    }
    lines.push(table.toString());
  }
  const t = r.timings;
  lines.push(
    `  ${r.backend} | parse+encode ${fmt(t.preprocessingMs)} ms, inference ${fmt(t.inferenceMs)} ms, ` +
      `solve ${fmt(t.constraintSolvingMs)} ms (${r.metrics.iterations} iterations), respond ${fmt(t.postprocessingMs)} ms | ` +
      `confidence ${fmt(r.confidence, 2)}`,
  );
  return lines.join('\n');
}
