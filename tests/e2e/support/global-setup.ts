import { mkdirSync, rmSync } from 'node:fs';

import { SCREENSHOTS_DIR } from './paths';

/** Start every run with an empty screenshots folder, so it shows exactly this run's pages. */
export default function globalSetup(): void {
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
}
