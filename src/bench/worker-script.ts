/**
 * Locates a worker entry beside this file: the compiled .js under dist/, or the .ts source under tsx
 * (tests), in which case the worker needs tsx's loader too.
 */
export function workerScript(name: string): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return {
    url: new URL(`./${name}${fromSource ? '.ts' : '.js'}`, import.meta.url),
    execArgv: fromSource ? ['--import', 'tsx'] : [],
  };
}
