// Loads a TypeScript worker entry (process.argv[2], a file URL) through tsx when gasm runs from source (tests);
// the compiled build under dist/ starts its .js workers directly and never uses this file.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
