import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_DIR } from './paths';

let cachedPaths: Set<string> | null = null;

/** The paths of the committed contract (openapi.yaml), with every `{param}` written as `{id}`. */
function contractPaths(): Set<string> {
  if (cachedPaths === null) {
    const text = readFileSync(join(E2E_DIR, '..', '..', 'openapi.yaml'), 'utf8');
    cachedPaths = new Set(
      [...text.matchAll(/^ {2}(\/api\/v1\/\S*):\s*$/gm)].map((match) =>
        (match[1] ?? '').replace(/\{[^}]+\}/g, '{id}'),
      ),
    );
  }
  return cachedPaths;
}

/**
 * Whether the API has landed an endpoint yet, e.g. `apiHas('doctors/{id}/approve/')`. A journey
 * written ahead of its endpoint starts with
 * `test.skip(!apiHas('doctors/{id}/approve/'), 'waiting for POST /doctors/{id}/approve/')`
 * and runs by itself from the commit that adds the endpoint to openapi.yaml.
 */
export function apiHas(path: string): boolean {
  return contractPaths().has(`/api/v1/${path}`.replace(/\{[^}]+\}/g, '{id}'));
}
