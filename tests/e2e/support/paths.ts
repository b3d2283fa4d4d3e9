import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/e2e/ */
export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
/** Gitignored: traces, screenshots, the HTML report and the server log. */
export const ARTIFACTS_DIR = join(E2E_DIR, 'artifacts');
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'screenshots');
