/** Where a serving worker's code is: the compiled .js under dist/, or a .ts entry loaded through tsx from source. */

/** A worker script and the argv it is started with. */
export interface WorkerEntry {
  url: URL;
  argv: string[];
}

/** A TypeScript entry module (any file URL, e.g. a test's own entry) started through the tsx bootstrap. */
export function tsWorkerEntry(entry: URL): WorkerEntry {
  return { url: new URL('./ts-worker-bootstrap.mjs', import.meta.url), argv: [entry.href] };
}

/** The standard serving worker, beside this file. */
export function serverWorkerEntry(): WorkerEntry {
  if (import.meta.url.endsWith('.ts')) return tsWorkerEntry(new URL('./server-worker.ts', import.meta.url));
  return { url: new URL('./server-worker.js', import.meta.url), argv: [] };
}
