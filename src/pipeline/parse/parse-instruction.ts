/**
 * Instruction → SceneSpec. Each clause is read into items (clause-items.ts) and interpreted here:
 * subjects before the first relation, targets after it, quantities attached to the relation they precede,
 * arrangements expanded (arrangements.ts), pronouns and omitted subjects taken from the previous clause.
 * An instruction from which no relation can be read is a ParseError, never a guess.
 */
import { ParseError } from '../../errors.js';
import type { Axis, Constraint, ConstraintType, SceneSpec } from '../types.js';
import { arrange, pitch, type Arrangement } from './arrangements.js';
import { readItems, type Item } from './clause-items.js';
import { EntityRegistry, isKnownKind, singularName, type NounPhrase } from './entities.js';
import { splitClauses } from './segments.js';
import { MAX_INSTRUCTION_LENGTH, normalise, tokenize, type Token } from './tokenize.js';

export { MAX_INSTRUCTION_LENGTH };

const ROTATE_VERBS = new Set(['rotate', 'turn', 'spin', 'tilt', 'orient']);
/** Relations that can stand without a reference (relative to the world). */
const WORLD_RELATIONS = new Set<ConstraintType>(['left', 'right', 'front', 'behind', 'above']);
/** Plural with no count: how many entities it makes. */
const DEFAULT_GROUP = 3;

type NpItem = Extract<Item, { t: 'np' }>;

interface Context {
  registry: EntityRegistry;
  constraints: Constraint[];
  warnings: string[];
  lastSubjects: string[];
  lastEntities: string[];
  lastKind: string;
  lastArrangement: Arrangement | null;
  source: string;
}

function quote(text: string): string {
  return text.length > 80 ? `'${text.slice(0, 77)}...'` : `'${text}'`;
}

/** Resolves a noun phrase to entity names (creating entities as needed). */
function resolve(ctx: Context, item: NpItem, role: { between?: boolean; exclude?: string[] } = {}): string[] {
  const { np } = item;
  const reg = ctx.registry;
  if (np.pronoun === 'it') return ctx.lastSubjects.length > 0 ? [ctx.lastSubjects[ctx.lastSubjects.length - 1]] : ctx.lastEntities.slice(-1);
  if (np.pronoun === 'them') return ctx.lastEntities.length > 0 ? [...ctx.lastEntities] : [...ctx.lastSubjects];
  if (np.pronoun === 'previous') return [];
  if (np.unknownNoun && !isKnownKind(np.kind)) ctx.warnings.push(`'${np.kind}' is not in the lexicon; treated as an object of default size`);
  const kind = np.kind || ctx.lastKind;
  if (!kind) return [];
  ctx.lastKind = kind;
  if (np.explicitName) return [reg.ensure(np.explicitName, kind)];
  const count = np.count;
  const groupWanted = (count !== undefined && count >= 2) || np.plural || (np.all && np.plural);
  if (groupWanted || np.superlative) {
    let names: string[] | undefined;
    const existing = reg.group(kind) ?? (reg.ofKind(kind).length >= 2 ? reg.ofKind(kind) : undefined);
    if (existing && (count === undefined || existing.length === count)) names = existing;
    if (!names) {
      const n = count ?? (role.between ? 2 : DEFAULT_GROUP);
      if (count === undefined) ctx.warnings.push(`'${item.text}' does not say how many; assumed ${n}`);
      names = reg.createGroup(kind, n, np.colour, np.size);
    }
    if (np.superlative) {
      const [pick, ...others] = names;
      for (const other of others) ctx.constraints.push({ type: np.superlative, subject: pick, targets: [other], parameters: {}, source: ctx.source });
      return [pick];
    }
    if (np.other) {
      const exclude = new Set([...(role.exclude ?? []), ...ctx.lastEntities]);
      const rest = names.filter((n) => !exclude.has(n));
      return rest.length > 0 ? rest : names;
    }
    return [...names];
  }
  const name = singularName({ ...np, kind });
  return [reg.ensure(name, kind, np.colour, np.size, np.ordinal)];
}

function add(ctx: Context, type: ConstraintType, subject: string, targets: string[], parameters: Constraint['parameters']): void {
  for (const target of targets) {
    if (target === subject) throw new ParseError(`'${subject}' cannot be related to itself (${type}) in ${quote(ctx.source)}`);
  }
  ctx.constraints.push({ type, subject, targets, parameters, source: ctx.source });
}

function firstAxis(items: Item[], rotational?: boolean): Axis | undefined {
  for (const it of items) if (it.t === 'axis' && (rotational === undefined || it.rotational === rotational)) return it.axis;
  return undefined;
}

function spacingOf(items: Item[]): number | undefined {
  for (const it of items) if (it.t === 'qty' && it.spacing) return it.value;
  return undefined;
}

/** Clauses such as "each part is placed above the previous one": a chain over a group. */
function sequenceClause(ctx: Context, items: Item[]): boolean {
  const each = items.findIndex((it) => it.t === 'np' && it.np.all && !it.np.plural && it.np.kind !== '');
  const previous = items.findIndex((it) => it.t === 'np' && it.np.pronoun === 'previous');
  const rel = items.find((it): it is Extract<Item, { t: 'rel' }> => it.t === 'rel');
  if (each < 0 || previous < 0 || !rel) return false;
  const np = (items[each] as NpItem).np;
  const existing = ctx.registry.group(np.kind);
  const names = existing ?? ctx.registry.createGroup(np.kind, np.count ?? DEFAULT_GROUP, np.colour, np.size);
  if (!existing) ctx.warnings.push(`'each ${np.kind}' does not say how many; assumed ${names.length}`);
  const distance = items.find((it) => it.t === 'qty' && it.kind === 'length' && !it.spacing) as Extract<Item, { t: 'qty' }> | undefined;
  const aligned = items.some((it) => it.t === 'aligned');
  for (let k = 1; k < names.length; k++) {
    add(ctx, rel.type, names[k], [names[k - 1]], distance ? { distance: distance.value } : {});
    if (aligned) add(ctx, 'aligned', names[k], [names[k - 1]], {});
  }
  ctx.lastSubjects = names;
  ctx.lastEntities = names;
  return true;
}

/** "5 boxes in a pyramid …", "stack 3 boxes on the table", "4 cubes in a row with 5 cm spacing". */
function arrangementClause(ctx: Context, items: Item[], verb: string | undefined): boolean {
  const shapeIndex = items.findIndex((it) => it.t === 'shape');
  const subjectIndex = items.findIndex((it) => it.t === 'np' && (it.np.count !== undefined || it.np.plural));
  const isStackVerb = verb === 'stack' || verb === 'pile';
  if (subjectIndex < 0 || (shapeIndex < 0 && !isStackVerb)) return false;
  if (shapeIndex >= 0 && shapeIndex < subjectIndex && !(items[subjectIndex] as NpItem).np.count) return false;
  const shapeItem = shapeIndex >= 0 ? (items[shapeIndex] as Extract<Item, { t: 'shape' }>) : { t: 'shape' as const, shape: 'stack' as const };
  const np = (items[subjectIndex] as NpItem).np;
  let count = np.count ?? (shapeItem.rows && shapeItem.cols ? shapeItem.rows * shapeItem.cols : undefined);
  if (count === undefined) {
    count = DEFAULT_GROUP;
    ctx.warnings.push(`'${(items[subjectIndex] as NpItem).text}' does not say how many; assumed ${count}`);
  }
  if (shapeItem.rows && shapeItem.cols && shapeItem.rows * shapeItem.cols !== count) {
    ctx.warnings.push(`a ${shapeItem.rows} by ${shapeItem.cols} grid holds ${shapeItem.rows * shapeItem.cols}, not ${count}; using ${shapeItem.rows * shapeItem.cols}`);
    count = shapeItem.rows * shapeItem.cols;
  }
  const names = ctx.registry.createGroup(np.kind, count, np.colour, np.size);
  const arrangement = arrange(ctx.registry, names, shapeItem.shape, {
    axis: firstAxis(items, false),
    spacing: spacingOf(items),
    rows: shapeItem.rows,
    cols: shapeItem.cols,
    source: ctx.source,
  });
  // Roles: "with the red box at top and blue boxes forming the base".
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.t !== 'np' || k === subjectIndex) continue;
    const next = items[k + 1];
    if (next?.t !== 'role' || it.np.kind !== np.kind) continue;
    const layer = next.role === 'top' ? arrangement.top : arrangement.bottom;
    const colour = it.np.colour;
    if (!colour) continue;
    layer.forEach((old, idx) => {
      const fresh = layer.length === 1 ? `${colour}_${np.kind}` : `${colour}_${np.kind}_${idx + 1}`;
      const renamed = ctx.registry.rename(old, fresh, colour);
      for (const con of arrangement.constraints) {
        if (con.subject === old) con.subject = renamed;
        con.targets = con.targets.map((t) => (t === old ? renamed : t));
      }
      arrangement.members[arrangement.members.indexOf(old)] = renamed;
      layer[idx] = renamed;
    });
  }
  ctx.constraints.push(...arrangement.constraints);
  // A relation to another entity in the same clause applies to the bottom layer ("stack 8 boxes on the table").
  const relIndex = items.findIndex((it, k) => it.t === 'rel' && k > subjectIndex);
  if (relIndex >= 0) {
    const rel = items[relIndex] as Extract<Item, { t: 'rel' }>;
    const target = items.slice(relIndex + 1).find((it): it is NpItem => it.t === 'np' && it.np.kind !== np.kind);
    if (target) {
      const targets = resolve(ctx, target);
      for (const member of arrangement.bottom) add(ctx, rel.type, member, targets.slice(0, rel.type === 'between' ? 2 : 1), {});
    }
  }
  if (items.some((it) => it.t === 'aligned')) {
    for (let k = 1; k < names.length; k++) add(ctx, 'aligned', arrangement.members[k], [arrangement.members[k - 1]], {});
  }
  ctx.lastArrangement = arrangement;
  ctx.lastSubjects = [...arrangement.members];
  ctx.lastEntities = [...arrangement.members];
  return true;
}

/** "rotate the box 45 degrees about the x axis", "tilt it by 0.5 rad", "at 30 degrees to the plate". */
function angleClause(ctx: Context, items: Item[]): boolean {
  const angle = items.find((it): it is Extract<Item, { t: 'qty' }> => it.t === 'qty' && it.kind === 'angle');
  if (!angle) return false;
  const nps = items.filter((it): it is NpItem => it.t === 'np');
  const subject = nps.length > 0 ? resolve(ctx, nps[0]) : ctx.lastSubjects.slice(-1);
  if (subject.length === 0) throw new ParseError(`nothing to rotate in ${quote(ctx.source)}`);
  const target = nps.length > 1 ? resolve(ctx, nps[1]) : [];
  const axis = firstAxis(items) ?? 'z';
  for (const s of subject) add(ctx, 'angle', s, target.slice(0, 1), { angle: angle.value, axis });
  ctx.lastSubjects = subject;
  ctx.lastEntities = [...subject, ...target];
  return true;
}

/** "align the boxes along the x-axis with 10 cm spacing", "align A and B", "align objects". */
function alignClause(ctx: Context, items: Item[]): boolean {
  const nps = items.filter((it): it is NpItem => it.t === 'np');
  const relIndex = items.findIndex((it) => it.t === 'rel');
  let names: string[] = [];
  for (const np of nps) {
    const idx = items.indexOf(np);
    if (relIndex >= 0 && idx > relIndex) break;
    names.push(...resolve(ctx, np));
  }
  if (names.length === 0) names = ctx.lastEntities.length > 0 ? [...ctx.lastEntities] : [...ctx.lastSubjects];
  const withTarget = relIndex >= 0 ? items.slice(relIndex + 1).find((it): it is NpItem => it.t === 'np') : undefined;
  const axis = firstAxis(items, false);
  const spacing = spacingOf(items);
  if (withTarget) {
    const targets = resolve(ctx, withTarget);
    for (const n of names) add(ctx, 'aligned', n, targets.slice(0, 1), axis ? { axis } : {});
  } else {
    if (names.length < 2) throw new ParseError(`'align' needs at least two things to align in ${quote(ctx.source)}`);
    for (let k = 1; k < names.length; k++) {
      if (spacing !== undefined) add(ctx, 'distance', names[k], [names[k - 1]], { distance: pitch(ctx.registry, names[k], names[k - 1], axis ?? 'x', spacing), axis: axis ?? 'x', spacing });
      add(ctx, 'aligned', names[k], [names[k - 1]], axis || spacing !== undefined ? { axis: axis ?? 'x' } : {});
    }
  }
  ctx.lastSubjects = names;
  ctx.lastEntities = names;
  return true;
}

/** Subjects → relation → targets, with chained relations applying to the last target. */
function relationClause(ctx: Context, items: Item[]): boolean {
  const rels = items.map((it, k) => [it, k] as const).filter(([it]) => it.t === 'rel') as [Extract<Item, { t: 'rel' }>, number][];
  if (rels.length === 0) return false;
  let subjects: string[] = [];
  let allSubjects = false;
  for (let k = 0; k < rels[0][1]; k++) {
    const it = items[k];
    if (it.t === 'np') subjects.push(...resolve(ctx, it));
    if (it.t === 'all') allSubjects = true;
  }
  let produced = false;
  const involved = new Set<string>();
  for (let r = 0; r < rels.length; r++) {
    const [rel, at] = rels[r];
    const end = r + 1 < rels.length ? rels[r + 1][1] : items.length;
    const between = items.slice(at + 1, end);
    const before = items[at - 1];
    const quantity = before?.t === 'qty' && before.kind === 'length' && !before.spacing ? before : (between[0]?.t === 'qty' && between[0].kind === 'length' && !between[0].spacing ? between[0] : undefined);
    const targetItems = between.filter((it): it is NpItem => it.t === 'np');
    if (subjects.length === 0 && allSubjects) {
      subjects = ctx.lastArrangement ? [...ctx.lastArrangement.bottom] : ctx.registry.entities.map((e) => e.name);
    }
    if (subjects.length === 0) subjects = [...ctx.lastSubjects];
    const exclude = [...subjects];
    const targets = targetItems.flatMap((it) => resolve(ctx, it, { between: rel.type === 'between', exclude }));
    let type = rel.type;
    const parameters: Constraint['parameters'] = {};
    if (quantity) parameters.distance = quantity.value;
    if (type === 'distance' && !quantity) {
      ctx.warnings.push(`'${rel.phrase}' without a distance was ignored`);
      continue;
    }
    if (type === 'inside' && rel.phrase === 'within' && quantity) type = 'near';
    if (type === 'aligned' || type === 'parallel' || type === 'perpendicular') {
      const axis = firstAxis(between) ?? firstAxis(items);
      if (axis) parameters.axis = axis;
      delete parameters.distance;
    }
    if (subjects.length === 0) throw new ParseError(`no object for '${rel.phrase}' in ${quote(ctx.source)}`);
    if (targets.length === 0) {
      if (!WORLD_RELATIONS.has(type) || !rel.unary) {
        if (rel.unary) continue;
        throw new ParseError(`'${rel.phrase}' needs a reference object in ${quote(ctx.source)}`);
      }
      if (quantity === undefined && type !== 'above') parameters.distance = 0.1;
      for (const s of subjects) add(ctx, type, s, [], parameters);
    } else if (type === 'between') {
      if (targets.length < 2) throw new ParseError(`'between' needs two reference objects in ${quote(ctx.source)}`);
      for (const s of subjects) add(ctx, 'between', s, targets.slice(0, 2), parameters);
    } else {
      for (const s of subjects) for (const t of targets) add(ctx, type, s, [t], { ...parameters });
    }
    subjects.forEach((s) => involved.add(s));
    targets.forEach((t) => involved.add(t));
    produced = true;
    ctx.lastSubjects = [...subjects];
    // A further relation in the same clause applies to this one's (last) target: "above the cube on the table".
    if (targets.length > 0) subjects = [targets[targets.length - 1]];
  }
  if (produced) {
    if (items.some((it) => it.t === 'aligned')) {
      const names = [...involved];
      for (let k = 1; k < names.length; k++) add(ctx, 'aligned', names[k], [names[k - 1]], {});
    }
    ctx.lastEntities = [...involved];
  }
  return produced;
}

function interpretClause(ctx: Context, tokens: Token[]): void {
  const { items, unknown } = readItems(tokens);
  for (const w of unknown) if (/^[\p{L}]/u.test(w)) ctx.warnings.push(`ignored '${w}'`);
  const verb = items.find((it): it is Extract<Item, { t: 'verb' }> => it.t === 'verb')?.word;
  if (sequenceClause(ctx, items)) return;
  if (arrangementClause(ctx, items, verb)) return;
  if ((verb && ROTATE_VERBS.has(verb)) || (!items.some((it) => it.t === 'rel') && items.some((it) => it.t === 'qty' && it.kind === 'angle'))) {
    if (angleClause(ctx, items)) return;
  }
  if (verb === 'align' || (!items.some((it) => it.t === 'rel') && items.some((it) => it.t === 'aligned') && items.some((it) => it.t === 'np'))) {
    if (alignClause(ctx, items)) return;
  }
  if (relationClause(ctx, items)) return;
  if (items.some((it) => it.t === 'aligned') && ctx.lastEntities.length >= 2) {
    const names = ctx.lastArrangement ? ctx.lastArrangement.members : ctx.lastEntities;
    for (let k = 1; k < names.length; k++) add(ctx, 'aligned', names[k], [names[k - 1]], {});
  }
}

/** Parses an English instruction into a scene. Throws ParseError naming what is wrong. */
export function parseInstruction(text: string, options: { maxLength?: number } = {}): SceneSpec {
  if (typeof text !== 'string') throw new ParseError(`instruction must be text, got ${text === null ? 'null' : typeof text}`);
  const normalised = normalise(text, options.maxLength ?? MAX_INSTRUCTION_LENGTH);
  if (normalised.length === 0) throw new ParseError('instruction is empty');
  if (!/[\p{L}\p{N}]/u.test(normalised)) throw new ParseError(`instruction ${quote(normalised)} has no words`);
  const tokens = tokenize(normalised);
  const registry = new EntityRegistry();
  const ctx: Context = { registry, constraints: [], warnings: [], lastSubjects: [], lastEntities: [], lastKind: '', lastArrangement: null, source: '' };
  for (const clause of splitClauses(tokens)) {
    ctx.source = clause.map((t) => t.text).join(' ');
    interpretClause(ctx, clause);
  }
  if (ctx.constraints.length === 0) {
    throw new ParseError(`no spatial relation found in ${quote(normalised)} (expected words such as above, on, left of, near, between, inside)`);
  }
  // Entities referenced by no constraint (a noun read but never related) are dropped.
  const used = new Set(ctx.constraints.flatMap((c) => [c.subject, ...c.targets]));
  const entities = registry.entities.filter((e) => used.has(e.name));
  return { instruction: text, entities, constraints: ctx.constraints, warnings: [...new Set(ctx.warnings)] };
}
