/**
 * Encoding: a batch of SceneSpecs → the flat typed arrays the network reads: rows of entity slots, one scene per
 * row padded to the batch's largest scene, or several scenes per row by a packing plan (packing.ts; `segments`
 * then tells the network which slots belong together).
 *
 * Per entity (RAW_FEATURES values): one-hot kind (known kinds, then KIND_HASH_BUCKETS buckets that unknown kinds
 * hash into), one-hot category, one-hot colour (known colours + "other"), size adjective (−1 tiny … +1 huge),
 * log half-extents relative to 5 cm, grounded, ordinal present + ordinal / 10.
 * Per ordered pair (RELATION_CHANNELS values): for each constraint type in CONSTRAINT_TYPES order one channel
 * subject→target and one target→subject (1 where such a constraint exists), then a distance channel (metres, from
 * distance or spacing) and an angle channel (radians / π), both on both directions. A constraint without targets
 * (relative to the world) marks the subject's own pair (i, i).
 * Initial poses: entities on a circle around the origin (radius grows with count and footprint), each resting on
 * the ground (z = its half height), identity rotation. Padding slots: zero features, mask 0, identity rotation.
 *
 * Writes straight into preallocated typed arrays; no per-entity allocation.
 */
import { CONSTRAINT_TYPES, type ConstraintType, type SceneSpec } from '../types.js';
import { rowPerScene, type PackingPlan } from './packing.js';

/** Kinds with their own feature slot; any other kind hashes into one of KIND_HASH_BUCKETS shared slots. */
export const KNOWN_KINDS: readonly string[] = [
  'object', 'box', 'cube', 'block', 'sphere', 'ball', 'cylinder', 'bottle', 'can', 'cup', 'mug', 'plate',
  'tray', 'bin', 'lamp', 'gear', 'bracket', 'rod', 'part', 'spoon', 'table', 'conveyor', 'shelf', 'robot',
  'robot_arm', 'sensor', 'camera', 'workbench',
];
/** Shared slots for kinds not in KNOWN_KINDS (FNV-1a hash of the kind, modulo this). */
export const KIND_HASH_BUCKETS = 4;
/** Colours with their own slot; any other colour sets the last colour slot. */
export const KNOWN_COLOURS: readonly string[] = [
  'red', 'green', 'blue', 'yellow', 'black', 'white', 'gray', 'orange', 'purple', 'brown', 'pink',
];
const SIZE_CODES: Record<string, number> = { tiny: -1, small: -0.5, medium: 0, large: 0.5, big: 0.5, huge: 1 };

const KIND_SLOTS = KNOWN_KINDS.length + KIND_HASH_BUCKETS;
const CATEGORY_OFFSET = KIND_SLOTS;
const COLOUR_OFFSET = CATEGORY_OFFSET + 2;
const SIZE_OFFSET = COLOUR_OFFSET + KNOWN_COLOURS.length + 1;
const EXTENT_OFFSET = SIZE_OFFSET + 1;
const GROUNDED_OFFSET = EXTENT_OFFSET + 3;
const ORDINAL_OFFSET = GROUNDED_OFFSET + 1;

/** Values per entity in EncodedBatch.features. */
export const RAW_FEATURES = ORDINAL_OFFSET + 2;
/** Values per ordered entity pair in EncodedBatch.relations: 2 per constraint type, then distance and angle. */
export const RELATION_CHANNELS = 2 * CONSTRAINT_TYPES.length + 2;
const DISTANCE_CHANNEL = 2 * CONSTRAINT_TYPES.length;
const ANGLE_CHANNEL = DISTANCE_CHANNEL + 1;

const KIND_INDEX = new Map(KNOWN_KINDS.map((k, i) => [k, i]));
const COLOUR_INDEX = new Map<string, number>([...KNOWN_COLOURS.map((c, i) => [c, i] as [string, number]), ['grey', 6]]);
const TYPE_INDEX = new Map<ConstraintType, number>(CONSTRAINT_TYPES.map((t, i) => [t, i]));

/** Half-extent that maps to log-feature 0 (a 10 cm box). */
const EXTENT_SCALE = 0.05;
/** Gap between neighbours on the initial circle, metres. */
const LAYOUT_GAP = 0.1;
/** Smallest radius of the initial circle, metres. */
const LAYOUT_MIN_RADIUS = 0.3;

/** A padded batch of scenes, flat row-major, ready for GasmNetwork.predict. */
export interface EncodedBatch {
  /** Rows (B): one per scene, or fewer when scenes are packed. */
  batch: number;
  /** Entity slots per row (N: the largest scene's count, at least 1, or the packing's width). */
  entities: number;
  /** B·N·RAW_FEATURES. */
  features: Float32Array;
  /** B·N·N·RELATION_CHANNELS, index ((b·N + i)·N + j)·RELATION_CHANNELS + channel. */
  relations: Float32Array;
  /**
   * Optional, B·N·N: 1 where the ordered pair (b·N + i)·N + j has a relation channel set, 0 where all its channels
   * are 0 (encodeScenes fills it; the network then reads only the marked pairs' channels).
   */
  marked?: Uint8Array;
  /** B·N: 1 for a real entity, 0 for padding. */
  mask: Float32Array;
  /** B·N·3 initial positions, metres. */
  positions: Float32Array;
  /** B·N·4 initial unit quaternions [w, x, y, z]. */
  orientations: Float32Array;
  /**
   * Optional, B·N: the scene each slot belongs to (index into the encoded scenes), −1 for padding. When given, the
   * network lets a slot attend only to slots of its own scene (required when scenes are packed).
   */
  segments?: Int32Array;
  /** First slot (row · N + offset) of each encoded scene: its entities are the slots from there on. */
  sceneSlots?: Int32Array;
}

/** Index of an unknown kind among the hash buckets (FNV-1a, 32 bit). */
export function kindBucket(kind: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) {
    h ^= kind.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % KIND_HASH_BUCKETS;
}

function kindSlot(kind: string): number {
  return KIND_INDEX.get(kind) ?? KNOWN_KINDS.length + kindBucket(kind);
}

/** Scenes of at most this many entities find an entity by name with a scan rather than a Map. */
const SMALL_SCENE = 8;

/** Index of the entity called `name`: the last one so called, as a Map filled in order keeps it. */
function entityIndex(entities: SceneSpec['entities'], index: Map<string, number> | undefined, name: string): number | undefined {
  if (index !== undefined) return index.get(name);
  for (let i = entities.length - 1; i >= 0; i--) if (entities[i].name === name) return i;
  return undefined;
}

/** Marks one ordered pair's relation channel (at offset r of the relations array) with its distance and angle. */
function markPair(relations: Float32Array, r: number, channel: number, distance: number, angle: number): void {
  relations[r + channel] = 1;
  if (distance !== 0) relations[r + DISTANCE_CHANNEL] = distance;
  if (angle !== 0) relations[r + ANGLE_CHANNEL] = angle;
}

/**
 * Encodes a batch of scenes (the network's input), one scene per row unless a packing plan for these scenes'
 * entity counts is given; unknown kinds, colours and entity names never fail.
 */
export function encodeScenes(scenes: readonly SceneSpec[], plan: PackingPlan = rowPerScene(scenes.map((s) => s.entities.length))): EncodedBatch {
  const batch = plan.rows;
  const n = plan.width;
  const features = new Float32Array(batch * n * RAW_FEATURES);
  const relations = new Float32Array(batch * n * n * RELATION_CHANNELS);
  const marked = new Uint8Array(batch * n * n);
  const mask = new Float32Array(batch * n);
  const positions = new Float32Array(batch * n * 3);
  const orientations = new Float32Array(batch * n * 4);
  const segments = new Int32Array(batch * n).fill(-1);
  for (let k = 0; k < batch * n; k++) orientations[k * 4] = 1;

  for (let b = 0; b < scenes.length; b++) {
    const scene = scenes[b];
    const entities = scene.entities;
    const count = entities.length;
    let footprint = 0;
    for (const e of entities) footprint = Math.max(footprint, e.halfExtents[0], e.halfExtents[1]);
    const radius = count <= 1 ? 0 : Math.max(LAYOUT_MIN_RADIUS, (count * (2 * footprint + LAYOUT_GAP)) / (2 * Math.PI));
    // Entity index by name: a scan for a small scene (no Map per scene), a Map for a large one.
    const index = count > SMALL_SCENE ? new Map<string, number>() : undefined;
    // The scene's first slot; its pair (i, j) sits at ((first + i)·n + offset + j).
    const first = plan.slots[b];
    const offset = first % n;
    for (let i = 0; i < count; i++) {
      const e = entities[i];
      index?.set(e.name, i);
      const row = first + i;
      segments[row] = b;
      const f = row * RAW_FEATURES;
      features[f + kindSlot(e.kind)] = 1;
      features[f + CATEGORY_OFFSET + (e.category === 'reference' ? 1 : 0)] = 1;
      if (e.color !== undefined) features[f + COLOUR_OFFSET + (COLOUR_INDEX.get(e.color) ?? KNOWN_COLOURS.length)] = 1;
      if (e.size !== undefined) features[f + SIZE_OFFSET] = SIZE_CODES[e.size] ?? 0;
      for (let a = 0; a < 3; a++) features[f + EXTENT_OFFSET + a] = Math.log(Math.max(e.halfExtents[a], 1e-4) / EXTENT_SCALE);
      features[f + GROUNDED_OFFSET] = e.grounded ? 1 : 0;
      if (e.ordinal !== undefined) {
        features[f + ORDINAL_OFFSET] = 1;
        features[f + ORDINAL_OFFSET + 1] = Math.min(e.ordinal, 100) / 10;
      }
      mask[row] = 1;
      const angle = (2 * Math.PI * i) / count;
      positions[row * 3] = radius * Math.cos(angle);
      positions[row * 3 + 1] = radius * Math.sin(angle);
      positions[row * 3 + 2] = e.halfExtents[2];
    }
    for (const c of scene.constraints) {
      const s = entityIndex(entities, index, c.subject);
      const type = TYPE_INDEX.get(c.type);
      if (s === undefined || type === undefined) continue;
      const distance = c.parameters.distance ?? c.parameters.spacing ?? 0;
      const angle = (c.parameters.angle ?? 0) / Math.PI;
      if (c.targets.length === 0) {
        markPair(relations, ((first + s) * n + offset + s) * RELATION_CHANNELS, 2 * type, distance, angle);
        marked[(first + s) * n + offset + s] = 1;
        continue;
      }
      for (const name of c.targets) {
        const t = entityIndex(entities, index, name);
        if (t === undefined) continue;
        markPair(relations, ((first + s) * n + offset + t) * RELATION_CHANNELS, 2 * type, distance, angle);
        markPair(relations, ((first + t) * n + offset + s) * RELATION_CHANNELS, 2 * type + 1, distance, angle);
        marked[(first + s) * n + offset + t] = 1;
        marked[(first + t) * n + offset + s] = 1;
      }
    }
  }
  return { batch, entities: n, features, relations, marked, mask, positions, orientations, segments, sceneSlots: plan.slots };
}
