/**
 * The library's entry points: one per element (`src/ups-<name>.ts`, which
 * defines the tag) and the side-effect-free class entry (`src/index.ts`).
 */
import { readdirSync } from 'node:fs';

export interface Entry {
  /** Name in the package's exports map and in size reports, e.g. `invoice-table`. */
  name: string;
  file: string;
}

export function libraryEntries(): Entry[] {
  const elements = readdirSync('src')
    .filter((f) => /^ups-[a-z-]+\.ts$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/^ups-/, '').replace(/\.ts$/, ''), file: `src/${f}` }));
  return [...elements, { name: 'index', file: 'src/index.ts' }];
}
