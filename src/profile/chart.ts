/** The profile as one PNG: horizontal bars of time per run, per tfjs kernel (top KERNELS_SHOWN) and per solver phase. */
import { renderPng } from '../report/charts/canvas.js';
import { axis, PALETTE, titled } from '../report/charts/theme.js';
import type { ProfileResult } from './profile.js';

/** Kernels drawn (the rest are summed into "other kernels"). */
export const KERNELS_SHOWN = 12;

export function profileChart(p: ProfileResult): Buffer {
  const top = p.kernels.slice(0, KERNELS_SHOWN);
  const rest = p.kernels.slice(KERNELS_SHOWN).reduce((sum, k) => sum + k.totalMs, 0);
  const labels = [...top.map((k) => `kernel ${k.name}`), ...(rest > 0 ? ['other kernels'] : []), ...p.phases.map((ph) => `solver ${ph.phase}`)];
  const values = [...top.map((k) => k.totalMs), ...(rest > 0 ? [rest] : []), ...p.phases.map((ph) => ph.totalMs)].map((ms) => (ms * 1000) / p.runs);
  const colours = labels.map((l) => (l.startsWith('solver') ? PALETTE[1] : PALETTE[0]));
  const d = p.bridge;
  return renderPng({
    type: 'bar',
    data: { labels, datasets: [{ label: 'µs per run', data: values, backgroundColor: colours }] },
    options: {
      indexAxis: 'y',
      plugins: {
        ...titled(
          `Where the time goes: "${p.instruction.length > 60 ? p.instruction.slice(0, 57) + '…' : p.instruction}"`,
          `${d.backend} · ${d.attention} attention · ${d.weights.precision} · F${d.model.featureDim} H${d.model.hiddenDim} ${d.model.heads} heads ${d.model.iterations} it · ${p.runs} runs (profiled: tf.profile and the solver's phase observer add their own cost)`,
        ),
        legend: { display: false },
      },
      scales: { x: axis('µs per run (profiled)'), y: axis('') },
    },
  });
}
