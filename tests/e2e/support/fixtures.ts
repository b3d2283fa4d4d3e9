import { test as base } from '@playwright/test';

import { HmsApi } from './api';
import { DEMO_ADMIN, DEMO_PASSWORD } from './demo';

export interface HmsFixtures {
  /** An anonymous API client (sign-ups, public endpoints). */
  api: HmsApi;
  /** An API client signed in as the demo admin (register, approve, admit, ...). */
  adminApi: HmsApi;
}

/**
 * The `test` every journey imports. Besides Playwright's fixtures it provides API clients and
 * fails a test when the page throws an uncaught error (a crashed screen is never a pass).
 */
export const test = base.extend<HmsFixtures & { failOnPageErrors: void }>({
  api: async ({ baseURL }, use) => {
    const api = await HmsApi.anonymous(baseURL ?? '');
    await use(api);
    await api.dispose();
  },
  adminApi: async ({ baseURL }, use) => {
    const api = await HmsApi.login(baseURL ?? '', DEMO_ADMIN.username, DEMO_PASSWORD);
    await use(api);
    await api.dispose();
  },
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await use();
      base.expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
