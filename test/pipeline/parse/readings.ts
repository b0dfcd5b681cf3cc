/** What the parse tests compare: a parsed instruction's constraints, names, kinds and angles, as short strings. */
import { parseInstruction } from '../../../src/pipeline/parse/index.js';
import type { SceneSpec } from '../../../src/pipeline/types.js';

/** Each constraint as `type(subject,target+target)`. */
export const briefScene = (s: SceneSpec): string[] => s.constraints.map((c) => `${c.type}(${c.subject},${c.targets.join('+')})`);
/** The constraints of a parsed text, as briefScene. */
export const brief = (text: string): string[] => briefScene(parseInstruction(text));
/** Entity names in order. */
export const names = (text: string): string[] => parseInstruction(text).entities.map((e) => e.name);
/** Each entity as `name:kind:hx/hy/hz`. */
export const kinds = (text: string): string[] => parseInstruction(text).entities.map((e) => `${e.name}:${e.kind}:${e.halfExtents.join('/')}`);
/** Each angle constraint as `subject:axis:degrees` (rounded). */
export const angles = (text: string): string[] =>
  parseInstruction(text).constraints.filter((c) => c.type === 'angle').map((c) => `${c.subject}:${c.parameters.axis}:${Math.round(((c.parameters.angle ?? 0) * 180) / Math.PI)}`);
