/**
 * Variants of `gasm bench compare`: `NAME:KEY=VALUE[,KEY=VALUE…]` on the command line (nothing after the colon
 * is the run's own pipeline configuration), or a JSON file `[{ "name": …, "config": { KEY: VALUE, … } }, …]`.
 * Every key is a pipeline flag of `gasm run` and is parsed by the same rules (src/cli/model-options.ts), plus
 * `batch`. Names are short and safe in file names; duplicates and unknown keys are refused with the reason. A
 * variants file may not set cacheDir (where gasm writes is chosen on the command line only).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ConfigError } from '../../errors.js';
import { BACKENDS, PACKING_CHOICES } from '../../cli/model-options.js';
import { parseChoice, parseInteger, parseNumber } from '../../cli/parse-options.js';
import type { BridgeConfig } from '../../pipeline/bridge.js';
import { CACHE_MODES } from '../../pipeline/cache/result-cache.js';
import type { ModelConfig } from '../../pipeline/model/config.js';
import { ATTENTION_KINDS } from '../../pipeline/model/network.js';
import { PRESET_NAMES } from '../../pipeline/model/presets.js';
import { WEIGHT_PRECISIONS } from '../../pipeline/model/quantize.js';
import { MAX_BATCH_SIZE } from '../shared-options.js';

/** A parsed variant: its name, the settings as given, the bridge overrides and the batch size they make. */
export interface Variant {
  name: string;
  /** The KEY=VALUE settings as given (empty: the run's own configuration). */
  config: Record<string, string>;
  /** Bridge settings that differ from the run's configuration. */
  overrides: Partial<BridgeConfig>;
  /** Batch size, or null for the run's --batch-size. */
  batchSize: number | null;
}

/** Most variants in one comparison. */
export const MAX_VARIANTS = 12;
/** Largest variants file. */
export const MAX_VARIANTS_FILE_BYTES = 64 * 1024;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** The keys a variant may set, in the order the help lists them. */
export const VARIANT_KEYS = ['backend', 'preset', 'featureDim', 'hiddenDim', 'heads', 'iterations', 'seed', 'attention', 'weights', 'packing', 'cache', 'cacheDir', 'timeout', 'batch'] as const;
type VariantKey = (typeof VARIANT_KEYS)[number];
/** Kebab-case spellings accepted too (as the flags spell them). */
const ALIASES: Record<string, VariantKey> = { 'feature-dim': 'featureDim', 'hidden-dim': 'hiddenDim', 'cache-dir': 'cacheDir' };

function keyOf(raw: string, where: string): VariantKey {
  const key = ALIASES[raw] ?? raw;
  if (!(VARIANT_KEYS as readonly string[]).includes(key)) throw new ConfigError(`${where}: unknown key '${raw}' (keys: ${VARIANT_KEYS.join(', ')})`);
  return key as VariantKey;
}

/** Applies one KEY=VALUE to a variant under construction. */
function apply(v: Variant, key: VariantKey, value: string, where: string): void {
  const flag = `${where}: ${key}`;
  const model = (v.overrides.model ??= {}) as Partial<ModelConfig>;
  switch (key) {
    case 'backend': v.overrides.backend = parseChoice(flag, value, BACKENDS); break;
    case 'preset': v.overrides.preset = parseChoice(flag, value, PRESET_NAMES); break;
    case 'featureDim': model.featureDim = parseInteger(flag, value, 4, 1024); break;
    case 'hiddenDim': model.hiddenDim = parseInteger(flag, value, 4, 1024); break;
    case 'heads': model.heads = parseInteger(flag, value, 1, 256); break;
    case 'iterations': model.iterations = parseInteger(flag, value, 0, 16); break;
    case 'seed': model.seed = parseInteger(flag, value, 0, 2 ** 31 - 1); break;
    case 'attention': v.overrides.attention = parseChoice(flag, value, ATTENTION_KINDS); break;
    case 'weights': v.overrides.weights = parseChoice(flag, value, WEIGHT_PRECISIONS); break;
    case 'packing': v.overrides.packing = parseChoice(flag, value, PACKING_CHOICES) === 'on'; break;
    case 'cache': {
      const mode = parseChoice(flag, value, CACHE_MODES);
      const dir = typeof v.overrides.cache === 'object' ? v.overrides.cache.dir : undefined;
      v.overrides.cache = { mode, dir };
      break;
    }
    case 'cacheDir': {
      const mode = typeof v.overrides.cache === 'object' ? v.overrides.cache.mode : 'disk';
      if (value.trim() === '') throw new ConfigError(`${flag} needs a folder`);
      v.overrides.cache = { mode, dir: value };
      break;
    }
    case 'timeout': v.overrides.timeoutMs = parseNumber(flag, value, 0.001, 3_600_000); break;
    case 'batch': v.batchSize = parseInteger(flag, value, 1, MAX_BATCH_SIZE); break;
  }
}

function finish(v: Variant, where: string): Variant {
  if (v.overrides.model && Object.keys(v.overrides.model).length === 0) delete v.overrides.model;
  const cache = v.overrides.cache;
  if (typeof cache === 'object') {
    if (cache.mode === 'disk' && !cache.dir) throw new ConfigError(`${where}: cache=disk needs cacheDir=<folder>`);
    if (cache.mode !== 'disk' && cache.dir) throw new ConfigError(`${where}: cacheDir is for cache=disk`);
    if (cache.mode === 'off') v.overrides.cache = 'off';
  }
  return v;
}

function checkName(name: string, where: string): void {
  if (!NAME.test(name)) throw new ConfigError(`${where}: variant name must be 1 to 32 letters, digits, '_', '.' or '-' (starting with a letter or digit), got ${JSON.stringify(name)}`);
}

/** Parses `NAME:KEY=VALUE[,KEY=VALUE…]`. */
export function parseVariantSpec(spec: string): Variant {
  const where = `--variant '${spec}'`;
  const colon = spec.indexOf(':');
  if (colon < 0) throw new ConfigError(`${where}: expected NAME:KEY=VALUE[,KEY=VALUE…] (an empty list after the colon is the default configuration)`);
  const name = spec.slice(0, colon).trim();
  checkName(name, where);
  const v: Variant = { name, config: {}, overrides: {}, batchSize: null };
  const body = spec.slice(colon + 1).trim();
  if (body === '') return v;
  for (const part of body.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new ConfigError(`${where}: '${part}' is not KEY=VALUE`);
    const rawKey = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const key = keyOf(rawKey, where);
    if (Object.hasOwn(v.config, key)) throw new ConfigError(`${where}: ${key} is set twice`);
    v.config[key] = value;
    apply(v, key, value, where);
  }
  return finish(v, where);
}

/** Reads a variants file: a regular file of at most MAX_VARIANTS_FILE_BYTES, read synchronously (before anything runs). */
function readVariantsFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new ConfigError(`cannot read variants file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ConfigError(`cannot read variants file ${path}: it is not a regular file`);
    const buffer = Buffer.alloc(MAX_VARIANTS_FILE_BYTES + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_VARIANTS_FILE_BYTES) throw new ConfigError(`variants file ${path} is larger than ${MAX_VARIANTS_FILE_BYTES} bytes`);
    }
    return buffer.subarray(0, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Parses a variants file's JSON: `[{ "name": "fused", "config": { "attention": "fused" } }, …]` (values strings or numbers). */
export function parseVariantsJson(text: string, path: string): Variant[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`variants file ${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) throw new ConfigError(`variants file ${path}: expected a list of { "name", "config" } objects`);
  return json.map((item, i) => {
    const where = `variants file ${path}, entry ${i + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new ConfigError(`${where}: expected an object`);
    const extra = Object.keys(item).find((k) => k !== 'name' && k !== 'config');
    if (extra !== undefined) throw new ConfigError(`${where}: unknown field '${extra}'`);
    const name = (item as Record<string, unknown>).name;
    if (typeof name !== 'string') throw new ConfigError(`${where}: name must be a string`);
    checkName(name, where);
    const config = (item as Record<string, unknown>).config ?? {};
    if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${where}: config must be an object`);
    const v: Variant = { name, config: {}, overrides: {}, batchSize: null };
    for (const rawKey of Object.keys(config)) {
      const value = (config as Record<string, unknown>)[rawKey];
      if (typeof value !== 'string' && typeof value !== 'number') throw new ConfigError(`${where}: ${rawKey} must be a string or a number`);
      const key = keyOf(rawKey, where);
      // A file from elsewhere must not choose where gasm writes: the disk cache's folder comes from the command line.
      if (key === 'cacheDir') throw new ConfigError(`${where}: cacheDir cannot be set in a variants file (a file must not choose where gasm writes); give it on the command line: --variant NAME:cache=disk,cacheDir=<folder>`);
      if (Object.hasOwn(v.config, key)) throw new ConfigError(`${where}: ${key} is set twice`);
      v.config[key] = String(value);
      apply(v, key, String(value), where);
    }
    return finish(v, where);
  });
}

/** The variants of a comparison from `--variant` specs and/or a `--variants` file: at least two, distinct names. */
export function parseVariants(specs: readonly string[], file: string | undefined): Variant[] {
  const variants = [...specs.map(parseVariantSpec), ...(file !== undefined ? parseVariantsJson(readVariantsFile(file), file) : [])];
  if (variants.length < 2) throw new ConfigError(`compare needs at least two variants (--variant NAME:KEY=VALUE…, or --variants FILE), got ${variants.length}`);
  if (variants.length > MAX_VARIANTS) throw new ConfigError(`compare takes at most ${MAX_VARIANTS} variants, got ${variants.length}`);
  const seen = new Set<string>();
  for (const v of variants) {
    if (seen.has(v.name)) throw new ConfigError(`variant name '${v.name}' is used twice`);
    seen.add(v.name);
  }
  return variants;
}
