import { execFileSync } from 'node:child_process';

import { defineConfig, devices } from '@playwright/test';

import { acquireRunLock } from './e2e/support/run-lock';

/**
 * Browser journeys against the real backend serving the built SPA (see README.md).
 *
 * This file is read by the runner and again by every worker. The runner picks a free port once
 * and the workers inherit it through the environment, so all of them talk to the same server.
 */
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

// Workers (they have TEST_WORKER_INDEX) run inside the run that holds the lock.
if (process.env.TEST_WORKER_INDEX === undefined) acquireRunLock();
process.env.HMS_E2E_PORT ??= freePort();
const baseURL = `http://127.0.0.1:${process.env.HMS_E2E_PORT}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/artifacts/test-results',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: ci,
  // On CI a journey that fails is run once more, and one that then passes is reported as flaky
  // (in the list and the HTML report): a machine shared with other builds can starve one browser
  // for seconds. Locally a failure is a failure.
  retries: ci ? 1 : 0,
  // The machines have 2 cores; the server, the runner and the browsers share them.
  workers: 2,
  // Generous for a machine shared with other builds: a journey normally takes 2-10 s, and on a
  // busy machine the slowest (five tabs, Swagger UI's 480 kB schema) took over four times that.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { outputFolder: './e2e/artifacts/report', open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    locale: 'en-US',
    // Deliberately not the hospital's zone (Asia/Kolkata): a screen that formats a time in the
    // browser's zone instead of the hospital's shows up as a wrong time.
    timezoneId: 'America/New_York',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium; Playwright never downloads a browser here.
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node e2e/server.mjs',
    url: `${baseURL}/api/v1/health/ready/`,
    env: { HMS_E2E_PORT: process.env.HMS_E2E_PORT },
    reuseExistingServer: false,
    // migrate + seed_demo on a fresh database, then the server's start-up.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
