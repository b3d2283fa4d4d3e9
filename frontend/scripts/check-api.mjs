// Regenerate the API types into a temporary file and compare them with the committed
// src/lib/api/schema.d.ts; exit non-zero when the committed file is stale (CI runs this).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '../openapi.yaml');
const committed = resolve(root, 'src/lib/api/schema.d.ts');
const workDir = mkdtempSync(join(tmpdir(), 'hms-check-api-'));
const fresh = join(workDir, 'schema.d.ts');

try {
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/openapi-typescript/bin/cli.js'), spec, '-o', fresh],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    console.error(`check:api: ${committed} is missing; run \`npm run gen:api\` and commit it.`);
    process.exit(1);
  }
  if (readFileSync(fresh, 'utf8') !== current) {
    console.error(
      'check:api: src/lib/api/schema.d.ts is stale against ../openapi.yaml; ' +
        'run `npm run gen:api` and commit the result.',
    );
    try {
      execFileSync('diff', ['-u', committed, fresh], { stdio: 'inherit' });
    } catch {
      // diff exits 1 when the files differ; the output above is the point.
    }
    process.exit(1);
  }
  console.log('check:api: src/lib/api/schema.d.ts is up to date.');
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
