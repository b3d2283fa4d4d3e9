import { basename, join } from 'node:path';

import type { Page } from '@playwright/test';
import { test } from '@playwright/test';

import { SCREENSHOTS_DIR } from './paths';
import { settle } from './ui';

/**
 * Save a full-page screenshot to `e2e/artifacts/screenshots/<spec>/<name>.png` (the folder is
 * emptied at the start of every run) and attach it to the report. Name it after the page and its
 * state, e.g. `admin-dashboard` or `login-wrong-password`; names are unique within a spec file.
 */
export async function screenshotPage(page: Page, name: string): Promise<string> {
  await settle(page);
  const spec = basename(test.info().file).replace(/\.spec\.ts$/, '');
  const safeName = name.replace(/[^a-zA-Z0-9._-]+/g, '-');
  const path = join(SCREENSHOTS_DIR, spec, `${safeName}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await test.info().attach(safeName, { path, contentType: 'image/png' });
  return path;
}
