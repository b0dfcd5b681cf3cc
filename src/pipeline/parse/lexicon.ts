/**
 * The parser's vocabulary: nouns with their default sizes and categories, adjectives, numbers, units and
 * the verbs and filler words that carry no spatial meaning. Built once at module load.
 */
import type { EntityCategory, Vec3 } from '../types.js';
import { ONES, TENS } from './number-words.js';

export interface NounInfo {
  kind: string;
  category: EntityCategory;
  halfExtents: Vec3;
  grounded: boolean;
}

const obj = (x: number, y: number, z: number): Omit<NounInfo, 'kind'> => ({ category: 'object', halfExtents: [x, y, z], grounded: false });
const ref = (x: number, y: number, z: number, grounded = false): Omit<NounInfo, 'kind'> => ({ category: 'reference', halfExtents: [x, y, z], grounded });

/** Kinds with default half extents, metres. Keys are singular kinds; see NOUN_FORMS for plurals and synonyms. */
const KINDS: Record<string, Omit<NounInfo, 'kind'>> = {
  table: ref(0.6, 0.4, 0.375, true),
  workbench: ref(0.75, 0.4, 0.45, true),
  desk: ref(0.6, 0.35, 0.375, true),
  conveyor: ref(1.0, 0.25, 0.4, true),
  shelf: ref(0.5, 0.2, 0.9, true),
  // A room's wall: a long, thin, fixed reference that rows line up along ("six totes along the wall").
  wall: ref(2.5, 0.05, 1.25, true),
  rack: ref(0.5, 0.3, 0.9, true),
  pallet: ref(0.6, 0.5, 0.07, true),
  robot_arm: ref(0.06, 0.06, 0.25),
  robot: ref(0.15, 0.15, 0.3),
  gripper: ref(0.04, 0.02, 0.05),
  sensor: ref(0.03, 0.03, 0.03),
  camera: ref(0.05, 0.04, 0.04),
  fixture: ref(0.1, 0.1, 0.05),
  box: obj(0.05, 0.05, 0.05),
  cube: obj(0.04, 0.04, 0.04),
  block: obj(0.05, 0.05, 0.05),
  brick: obj(0.1, 0.05, 0.03),
  sphere: obj(0.04, 0.04, 0.04),
  ball: obj(0.04, 0.04, 0.04),
  cylinder: obj(0.03, 0.03, 0.06),
  cone: obj(0.04, 0.04, 0.05),
  pyramid: obj(0.05, 0.05, 0.05),
  bottle: obj(0.035, 0.035, 0.11),
  can: obj(0.033, 0.033, 0.06),
  cup: obj(0.04, 0.04, 0.05),
  mug: obj(0.04, 0.04, 0.05),
  glass: obj(0.035, 0.035, 0.06),
  bowl: obj(0.08, 0.08, 0.04),
  plate: obj(0.11, 0.11, 0.01),
  tray: obj(0.2, 0.15, 0.02),
  bin: obj(0.2, 0.15, 0.15),
  container: obj(0.2, 0.15, 0.15),
  crate: obj(0.25, 0.2, 0.15),
  basket: obj(0.2, 0.15, 0.1),
  lid: obj(0.05, 0.05, 0.005),
  lamp: obj(0.08, 0.08, 0.15),
  gear: obj(0.04, 0.04, 0.01),
  bracket: obj(0.03, 0.02, 0.04),
  rod: obj(0.01, 0.01, 0.15),
  bar: obj(0.15, 0.01, 0.01),
  beam: obj(0.3, 0.03, 0.03),
  pipe: obj(0.02, 0.02, 0.2),
  tube: obj(0.015, 0.015, 0.1),
  vial: obj(0.008, 0.008, 0.025),
  panel: obj(0.2, 0.01, 0.15),
  plank: obj(0.3, 0.05, 0.01),
  board: obj(0.25, 0.15, 0.01),
  screw: obj(0.005, 0.005, 0.02),
  bolt: obj(0.006, 0.006, 0.03),
  nut: obj(0.008, 0.008, 0.004),
  washer: obj(0.01, 0.01, 0.002),
  standoff: obj(0.003, 0.003, 0.005),
  part: obj(0.04, 0.04, 0.03),
  component: obj(0.04, 0.04, 0.03),
  piece: obj(0.04, 0.04, 0.03),
  item: obj(0.04, 0.04, 0.04),
  object: obj(0.04, 0.04, 0.04),
  thing: obj(0.04, 0.04, 0.04),
  tool: obj(0.1, 0.02, 0.015),
  hammer: obj(0.15, 0.03, 0.015),
  wrench: obj(0.1, 0.02, 0.005),
  spoon: obj(0.1, 0.015, 0.01),
  fork: obj(0.1, 0.015, 0.01),
  knife: obj(0.11, 0.012, 0.008),
  book: obj(0.11, 0.08, 0.02),
  phone: obj(0.04, 0.075, 0.005),
  laptop: obj(0.17, 0.12, 0.01),
  monitor: obj(0.27, 0.08, 0.2),
  keyboard: obj(0.22, 0.07, 0.015),
  apple: obj(0.04, 0.04, 0.04),
  banana: obj(0.1, 0.02, 0.02),
  toy: obj(0.05, 0.05, 0.05),
  chair: ref(0.25, 0.25, 0.45, true),
  marker: obj(0.008, 0.008, 0.07),
  pen: obj(0.005, 0.005, 0.07),
  sheet: obj(0.15, 0.1, 0.001),
  package: obj(0.15, 0.1, 0.08),
  parcel: obj(0.15, 0.1, 0.08),
  disk: obj(0.05, 0.05, 0.005),
  ring: obj(0.03, 0.03, 0.005),
  wheel: obj(0.06, 0.02, 0.06),
  cable: obj(0.2, 0.005, 0.005),
  sink: ref(0.3, 0.25, 0.12),
  fridge: ref(0.35, 0.35, 0.9, true),
  oven: ref(0.3, 0.3, 0.3),
  stove: ref(0.3, 0.3, 0.45, true),
  microwave: ref(0.25, 0.2, 0.15),
  dishwasher: ref(0.3, 0.3, 0.42, true),
  sofa: ref(0.9, 0.45, 0.4, true),
  bed: ref(1.0, 0.8, 0.25, true),
  centrifuge: ref(0.2, 0.2, 0.15),
  incubator: ref(0.3, 0.3, 0.3),
  scale: ref(0.12, 0.12, 0.03),
  reader: ref(0.2, 0.2, 0.1),
  scanner: ref(0.1, 0.08, 0.06),
  printer: ref(0.2, 0.15, 0.1),
  trolley: ref(0.45, 0.3, 0.45, true),
  cart: ref(0.45, 0.3, 0.45, true),
  holder: ref(0.04, 0.04, 0.06),
  base: obj(0.15, 0.15, 0.02),
  frame: obj(0.3, 0.02, 0.3),
  // A machine's base (mounting) plate: a steel plate of about 50 × 40 × 2 cm, not a 22 cm dinner plate.
  base_plate: ref(0.25, 0.2, 0.01),
  // A machine's base frame (welded or extruded profile, about 1.2 × 0.8 m), not an upright picture frame.
  base_frame: ref(0.6, 0.4, 0.05),
  hub: obj(0.05, 0.05, 0.03),
  gearbox: obj(0.12, 0.1, 0.1),
  // A lab rack for tubes, tips, vials or pipettes (SBS footprint, about 12 × 8 × 10 cm), not a storage rack.
  tube_rack: ref(0.06, 0.04, 0.05),
  // A 15 mL conical centrifuge tube (17 mm across, 12 cm long) and a centrifuge's rotor (about 24 cm across, 14 cm deep).
  centrifuge_tube: obj(0.0085, 0.0085, 0.06),
  rotor: ref(0.12, 0.12, 0.07),
  // A lab petri dish: about 9 cm across, 1.5 cm high (not a 22 cm dinner plate).
  petri_dish: obj(0.045, 0.045, 0.008),
  // Nouns ending in -ly (a closed class; other -ly words are adverbs): a bench power supply, an assembly, a dolly.
  supply: obj(0.1, 0.08, 0.06),
  assembly: obj(0.1, 0.1, 0.06),
  dolly: ref(0.3, 0.225, 0.06, true),
  // An optical lens (a camera or microscope lens, about 5 cm across and 1 cm thick); "lenses" is its plural.
  lens: obj(0.025, 0.025, 0.01),
  // A pipette tip (about 7 mm across, 5 cm long), not the 8 cm generic part: eight fit in a tip rack.
  pipette_tip: obj(0.0035, 0.0035, 0.025),
};

/** Surface forms (singular, plural, synonyms, multi-word nouns joined by a space) → kind. */
export const NOUN_FORMS = new Map<string, string>();
function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  if (/(knife)$/.test(word)) return word.slice(0, -2) + 'ves';
  if (/(shelf)$/.test(word)) return word.slice(0, -1) + 'ves';
  return word + 's';
}
for (const kind of Object.keys(KINDS)) {
  const surface = kind.replace(/_/g, ' ');
  NOUN_FORMS.set(surface, kind);
  NOUN_FORMS.set(plural(surface), kind);
}
const SYNONYMS: Record<string, string> = {
  'robot arm': 'robot_arm', 'robotic arm': 'robot_arm', 'robot arms': 'robot_arm', manipulator: 'robot_arm', arm: 'robot_arm', arms: 'robot_arm',
  'end effector': 'gripper', 'conveyor belt': 'conveyor', 'conveyor belts': 'conveyor', belt: 'conveyor',
  'coffee mug': 'mug', 'coffee cup': 'cup', 'work bench': 'workbench', carton: 'box', cartons: 'box', case: 'box', cases: 'box',
  cuboid: 'box', cuboids: 'box', crates: 'crate', tin: 'can', tins: 'can', jar: 'bottle', jars: 'bottle', vase: 'bottle',
  receptacle: 'bin', bucket: 'bin', buckets: 'bin', dish: 'plate', dishes: 'plate', pole: 'rod', poles: 'rod', stick: 'rod',
  sticks: 'rod', cubes: 'cube', 'storage bin': 'bin', 'trash bin': 'bin', 'waste bin': 'bin', platform: 'pallet', bolts: 'bolt',
  tote: 'bin', totes: 'bin', 'test tube': 'tube', 'test tubes': 'tube', beaker: 'cup', beakers: 'cup',
  flask: 'bottle', flasks: 'bottle', pillar: 'rod', pillars: 'rod', post: 'rod', posts: 'rod', rail: 'bar', rails: 'bar',
  peg: 'rod', pegs: 'rod', shaft: 'rod', shafts: 'rod', spacer: 'washer', spacers: 'washer', bearing: 'ring', bearings: 'ring',
  screwdriver: 'tool', screwdrivers: 'tool', pliers: 'tool', drill: 'tool', drills: 'tool', vice: 'fixture', vise: 'fixture', jig: 'fixture', jigs: 'fixture',
  cabinet: 'rack', cabinets: 'rack', counter: 'table', countertop: 'table', counters: 'table', 'kitchen counter': 'table', stool: 'chair', stools: 'chair',
  couch: 'sofa', bench: 'workbench', refrigerator: 'fridge', 'hot plate': 'scale', hotplate: 'scale', 'plate reader': 'reader',
  'label printer': 'printer', 'tip rack': 'tube_rack', 'tip racks': 'tube_rack', 'pipette rack': 'tube_rack', 'pipette racks': 'tube_rack',
  'vial rack': 'tube_rack', 'vial racks': 'tube_rack', 'sample rack': 'tube_rack', 'sample racks': 'tube_rack', 'test tube rack': 'tube_rack',
  subassembly: 'assembly', 'sub-assembly': 'assembly', subassemblies: 'assembly', 'sub-assemblies': 'assembly', 'stir bar': 'rod', 'laundry basket': 'basket', 'sample tube': 'tube',
  'tool holder': 'holder', cuvette: 'tube', cuvettes: 'tube', burner: 'cylinder', dispenser: 'box', gauge: 'disk', 'work table': 'table', 'workstation': 'workbench', nightstand: 'desk',
  cardboard: 'sheet', pallets: 'pallet', lids: 'lid', caps: 'lid', cap: 'lid', sleeve: 'tube', cartridge: 'cylinder',
  'petri dish': 'petri_dish', 'petri dishes': 'petri_dish', pipette: 'tube', pipettes: 'tube', 'well plate': 'tray', microplate: 'tray', microplates: 'tray',
  sample: 'tube', samples: 'tube', motor: 'cylinder', motors: 'cylinder', pump: 'box', pumps: 'box',
  housing: 'box', housings: 'box', cover: 'lid', covers: 'lid', flange: 'disk', flanges: 'disk', pin: 'rod', pins: 'rod',
  towel: 'sheet', towels: 'sheet', pillow: 'box', pillows: 'box', remote: 'phone', remotes: 'phone', tablet: 'phone', glasses: 'glass',
  pot: 'bowl', pots: 'bowl', pan: 'bowl', pans: 'bowl', kettle: 'bottle', toaster: 'box', shoe: 'box', shoes: 'box',
  baseplate: 'base_plate', baseplates: 'base_plate', 'mounting plate': 'base_plate', 'mounting plates': 'base_plate',
  'cutting board': 'board', 'circuit board': 'board', pcb: 'board', pcbs: 'board', chip: 'washer', chips: 'washer',
  // A fastener is a screw or bolt of a few centimetres, not the 8 cm generic part.
  fastener: 'bolt', fasteners: 'bolt',
  tip: 'pipette_tip', tips: 'pipette_tip',
};
for (const [form, kind] of Object.entries(SYNONYMS)) NOUN_FORMS.set(form, kind);
// A synonym's plural names the same kind ("benches", "vices", "dishes"), unless that form already means something.
for (const [form, kind] of Object.entries(SYNONYMS)) if (!/s$/.test(form) && !NOUN_FORMS.has(plural(form))) NOUN_FORMS.set(plural(form), kind);

/** A known surface form's kind (NOUN_FORMS'), whether it is plural and its singular surface. */
export interface NounForm {
  readonly kind: string;
  readonly plural: boolean;
  readonly singular: string;
}

/** Per surface form, precomputed at load: its kind, whether it is plural and its singular surface. */
const NOUN_FORM_INFO = new Map<string, NounForm>();

/** A known surface form's facts (one lookup for NOUN_FORMS.get, isPluralSurface and singularSurface), or undefined. */
export function nounForm(form: string): NounForm | undefined {
  return NOUN_FORM_INFO.get(form);
}

/** Whether a known surface form is plural (precomputed; isPluralForm for any other). */
export function isPluralSurface(form: string, kind: string): boolean {
  return NOUN_FORM_INFO.get(form)?.plural ?? isPluralForm(form, kind);
}

/**
 * The singular surface form of a noun as written ("tins" → "tin", "robot arms" → "robot arm", "shelves" →
 * "shelf"): entities are named after the user's word, never after the lexicon's kind.
 */
export function singularSurface(form: string, kind: string): string {
  return NOUN_FORM_INFO.get(form)?.singular ?? form;
}

function computeSingular(form: string, kind: string): string {
  if (!isPluralForm(form, kind)) return form;
  for (const c of [form.replace(/ies$/, 'y'), form.replace(/ves$/, 'f'), form.replace(/ves$/, 'fe'), form.replace(/es$/, ''), form.replace(/s$/, '')]) {
    if (c !== form && NOUN_FORMS.get(c) === kind) return c;
  }
  return form;
}

/** Whether a surface form is plural (ends like a plural of its kind and differs from the singular). */
export function isPluralForm(form: string, kind: string): boolean {
  const singular = kind.replace(/_/g, ' ');
  return form !== singular && (form === plural(singular) || /s$/.test(form) && !/ss$/.test(form) && form !== 'glass' && form !== 'bus');
}

/** Facts of a kind; unknown kinds get a generic object of 8 cm. */
export function nounInfo(kind: string): NounInfo {
  // Own entries only: a word such as 'constructor' or 'toString' is not a kind (the literal's prototype has them).
  const k = KIND_FACTS.get(kind);
  return k ? { kind, ...k, halfExtents: [...k.halfExtents] } : { kind, category: 'object', halfExtents: [0.04, 0.04, 0.04], grounded: false };
}

/** The known kinds' own facts by kind: a Map lookup costs less than one on the large object literal. */
const KIND_FACTS = new Map(Object.entries(KINDS));
const UNKNOWN_FACTS: Readonly<Omit<NounInfo, 'kind'>> = Object.freeze({ category: 'object', halfExtents: Object.freeze([0.04, 0.04, 0.04]) as unknown as Vec3, grounded: false });

/** nounInfo's facts without the copies, read-only (the registry copies the extents it scales). */
export function kindFacts(kind: string): Readonly<Omit<NounInfo, 'kind'>> {
  return KIND_FACTS.get(kind) ?? UNKNOWN_FACTS;
}

export function isKnownKind(kind: string): boolean {
  return KIND_FACTS.has(kind);
}

export const COLOURS = new Set([
  'red', 'blue', 'green', 'yellow', 'orange', 'purple', 'violet', 'black', 'white', 'gray', 'grey', 'brown', 'pink',
  'cyan', 'magenta', 'silver', 'gold', 'golden', 'beige', 'teal', 'navy', 'turquoise',
]);

/** Size words and the factor they scale the default extents by. */
export const SIZES = new Map<string, number>([
  ['tiny', 0.4], ['small', 0.6], ['little', 0.6], ['smaller', 0.6], ['mini', 0.5], ['medium', 1], ['large', 1.6],
  ['big', 1.6], ['bigger', 1.6], ['larger', 1.6], ['huge', 2.5], ['giant', 2.5], ['tall', 1.3], ['short', 0.8],
]);

/** Adjectives that describe but do not change geometry or identity. */
export const PLAIN_ADJECTIVES = new Set([
  'wooden', 'metal', 'metallic', 'plastic', 'glass', 'cardboard', 'steel', 'empty', 'full', 'heavy', 'light', 'new', 'old',
  'round', 'square', 'rectangular', 'flat', 'long', 'wide', 'narrow', 'thin', 'thick', 'open', 'closed', 'same', 'main',
  'nearest', 'single', 'whole', 'entire', 'given', 'specified', 'target', 'transparent', 'shiny', 'clean', 'dirty', 'spare',
  'lower', 'upper', 'inner', 'outer', 'identical', 'similar', 'matching',
]);

/** Words that give a count or a factor in one word: the cardinals of number-words.ts (but `zero`, refused as a count). */
export const NUMBER_WORDS = new Map<string, number>([
  ...[...ONES].filter(([word]) => word !== 'zero'),
  ...TENS,
  ['hundred', 100], ['a', 1], ['an', 1], ['half', 0.5], ['pair', 2], ['couple', 2], ['dozen', 12],
]);

export const ORDINALS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4], ['5th', 5], ['6th', 6], ['7th', 7],
  ['8th', 8], ['9th', 9], ['10th', 10],
]);

/** Length units → metres; angle units → radians. */
export const LENGTH_UNITS = new Map<string, number>([
  ['mm', 1e-3], ['millimeter', 1e-3], ['millimeters', 1e-3], ['millimetre', 1e-3], ['millimetres', 1e-3],
  ['cm', 1e-2], ['centimeter', 1e-2], ['centimeters', 1e-2], ['centimetre', 1e-2], ['centimetres', 1e-2], ['cms', 1e-2],
  ['m', 1], ['meter', 1], ['meters', 1], ['metre', 1], ['metres', 1], ['mtr', 1],
  ['inch', 0.0254], ['inches', 0.0254], ['ft', 0.3048], ['foot', 0.3048], ['feet', 0.3048],
]);
/** Units of capacity written before a vessel ("the 50 ml tube", "a 250mL beaker"): they describe it, never count it. */
export const VOLUME_UNITS = new Set(['ml', 'l', 'litre', 'litres', 'liter', 'liters', 'millilitre', 'millilitres', 'milliliter', 'milliliters', 'ul', 'µl', 'μl', 'cl', 'dl', 'gallon', 'gal', 'oz']);
export const ANGLE_UNITS = new Map<string, number>([
  ['degree', Math.PI / 180], ['degrees', Math.PI / 180], ['deg', Math.PI / 180], ['degs', Math.PI / 180], ['°', Math.PI / 180],
  ['radian', 1], ['radians', 1], ['rad', 1], ['rads', 1],
]);

/** Imperative verbs and copulas: they start clauses and carry no geometry by themselves. */
export const VERBS = new Set([
  'pack', 'stow', 'ship', 'butt',
  'place', 'put', 'move', 'set', 'position', 'arrange', 'stack', 'align', 'rotate', 'turn', 'keep', 'make', 'lay', 'hang',
  'mount', 'locate', 'bring', 'drop', 'lift', 'raise', 'lower', 'push', 'slide', 'shift', 'spin', 'tilt', 'insert',
  'create', 'build', 'assemble', 'leave', 'get', 'relocate', 'reposition', 'transfer', 'carry', 'fit', 'attach', 'orient',
  'line', 'pile', 'center', 'centre', 'hold', 'store', 'load', 'unload', 'grasp', 'grab', 'pick', 'take', 'lean', 'rest',
  'stand', 'sit', 'ensure', 'stage', 'organize', 'organise', 'order', 'return', 'deposit', 'release', 'dispense', 'feed', 'install',
  'seat', 'press', 'clamp', 'fasten', 'secure', 'retrieve', 'fetch', 'collect', 'gather', 'distribute', 'group',
  'cluster', 'surround', 'encircle', 'form', 'settle', 'park', 'dock', 'add', 'prepare', 'use', 'grip', 'seize',
  'connect', 'join', 'fix', 'clip', 'weld', 'glue', 'hover', 'float', 'wait', 'flip', 'send', 'deliver', 'transport', 'give',
]);
export const COPULAS = new Set(['is', 'are', 'be', 'should', 'must', 'will', 'shall', 'stays', 'stay', 'remain', 'remains', 'sits', 'stands', 'lies', 'rests', 'goes', 'go', "it's", 'being', 'been', 'can', 'could', 'would', 'has', 'have', 'to', 'needs', 'requires']);

/** Irregular past forms of the verbs above. */
const IRREGULAR: Record<string, string> = {
  took: 'take', taken: 'take', brought: 'bring', held: 'hold', got: 'get', stood: 'stand', sat: 'sit', hung: 'hang', built: 'build',
  made: 'make', laid: 'lay', spun: 'spin', slid: 'slide', lain: 'lay', grasped: 'grasp', put: 'put', set: 'set', putting: 'put',
  setting: 'set', using: 'use', gripped: 'grip', gripping: 'grip', clipped: 'clip', clipping: 'clip', sitting: 'sit', getting: 'get', dropping: 'drop', grabbing: 'grab', dropped: 'drop', grabbed: 'grab', lifted: 'lift',
  sent: 'send', gave: 'give', given: 'give', giving: 'give',
};

/**
 * Every written form of a verb (place, places, placed, placing; puts; picks; grabbed; took) → its base form, so
 * that "the robot places the box" never reads "places" as an object.
 */
export const VERB_FORMS = new Map<string, string>();
for (const v of VERBS) {
  VERB_FORMS.set(v, v);
  const stem = v.endsWith('e') ? v.slice(0, -1) : v;
  for (const f of [
    /(s|x|z|ch|sh)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`,
    /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : v.endsWith('e') ? `${v}d` : `${v}ed`,
    `${stem}ing`,
  ]) {
    if (!VERB_FORMS.has(f)) VERB_FORMS.set(f, v);
  }
}
for (const [form, base] of Object.entries(IRREGULAR)) VERB_FORMS.set(form, base);
// Forms that are nouns or arrangement words in this vocabulary stay nouns.
for (const noun of ['lines', 'stacks', 'piles', 'orders', 'stages', 'positions', 'forms', 'groups', 'clusters', 'spaces']) VERB_FORMS.delete(noun);

/** Base form of a verb form, or undefined. */
export function verbBase(word: string): string | undefined {
  return VERB_FORMS.get(word);
}

/** Words skipped inside noun phrases and clauses. */
export const FILLERS = new Set([
  'please', 'now', 'carefully', 'gently', 'then', 'so', 'that', 'exactly', 'directly', 'just', 'slightly', 'somewhere',
  'precisely', 'immediately', 'right', 'straight', 'also', 'too', 'position', 'location', 'spot', 'place', 'area', 'can',
  'you', 'i', 'we', 'want', 'need', 'like', 'would', 'kindly', 'the', 'a', 'an', 'of', 'which', 'who', 'where', 'there',
  'it', 'positioned', 'placed', 'located', 'put', 'set', 'kept', 'moved', 'sitting', 'standing', 'lying', 'resting',
  'approx', 'approximately', 'roughly', 'circa', 'ca',
]);

for (const [form, kind] of NOUN_FORMS) NOUN_FORM_INFO.set(form, { kind, plural: isPluralForm(form, kind), singular: computeSingular(form, kind) });
