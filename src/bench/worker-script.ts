/**
 * Locates a worker entry beside this file: the compiled .js under dist/, or, when running from the .ts
 * source (tests, under tsx), a small bootstrap that registers tsx in the worker and imports the .ts entry.
 */
export function workerScript(name: string): { url: URL; argv: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return { url: new URL('./ts-worker-bootstrap.mjs', import.meta.url), argv: [new URL(`./${name}.ts`, import.meta.url).href] };
  }
  return { url: new URL(`./${name}.js`, import.meta.url), argv: [] };
}
