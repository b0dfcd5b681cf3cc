import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Walks up from this file to the package root (works from src/ under tsx and from dist/src/). */
function findPackage(): { dir: string; name: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
      if (pkg.name === 'gasm-bench') return { dir, name: pkg.name, version: pkg.version };
    } catch {
      // not here; keep walking up
    }
    dir = dirname(dir);
  }
  return { dir: process.cwd(), name: 'gasm-bench', version: '0.0.0' };
}

const pkg = findPackage();

/** The tool's name and version as written in reports. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;

/** The package root folder (holds suites/ and fixtures/). */
export const PACKAGE_ROOT = pkg.dir;
