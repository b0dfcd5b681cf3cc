/**
 * What `--backend auto` should pick on this machine, from what is installed (never assumed): the native
 * TensorFlow backend when @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node resolves, else wasm.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function resolvable(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Whether a native tfjs package is installed. */
export const NATIVE_INSTALLED = resolvable('@tensorflow/tfjs-node-gpu') || resolvable('@tensorflow/tfjs-node');

/** The backend `auto` should settle on (a native package that is installed but fails to load falls back with a warning). */
export const EXPECTED_AUTO_BACKEND = NATIVE_INSTALLED ? 'tensorflow' : 'wasm';
