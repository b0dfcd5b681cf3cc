/**
 * Locates a worker entry: the compiled .js under dist/, or, when running from the .ts source (tests, under
 * tsx), a small bootstrap that registers tsx in the worker and imports the .ts entry.
 */

/** The worker `name` beside the module whose import.meta.url is `base`. */
export function workerScriptBeside(base: string, name: string): { url: URL; argv: string[] } {
  if (base.endsWith('.ts')) {
    return { url: new URL('./ts-worker-bootstrap.mjs', import.meta.url), argv: [new URL(`./${name}.ts`, base).href] };
  }
  return { url: new URL(`./${name}.js`, base), argv: [] };
}

/** A worker entry beside this file (src/bench). */
export function workerScript(name: string): { url: URL; argv: string[] } {
  return workerScriptBeside(import.meta.url, name);
}
