/**
 * The admin's dashboard: its numbers, chart and queues come from one request, a pending doctor
 * is approved from the queue without leaving the page, and on a phone the queues come first.
 */
import type { Page, Request } from '@playwright/test';

import {
  expect,
  expectNoSeriousA11yViolations,
  loginViaApi,
  settle,
  signUpAdmin,
  signUpDoctor,
  test,
} from './support';
import type { Doctor } from './support';

/**
 * The API requests `page` makes for its data, as "METHOD /path?query": every /api/v1/ request
 * but the app shell's own (the session under auth/, the hospital's settings and the header's
 * unread-notifications badge), which every page makes alike.
 */
function recordDataRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/')) return;
    const shell =
      url.pathname.startsWith('/api/v1/auth/') ||
      url.pathname === '/api/v1/hospital/' ||
      (url.pathname === '/api/v1/notifications/' && url.searchParams.get('unread') === 'true');
    if (!shell) seen.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

test('the admin dashboard loads in one request and approves a doctor in place', async ({
  page,
  api,
  adminApi,
}) => {
  const doctor = await signUpDoctor(api);
  const admin = await signUpAdmin(api);
  const requests = recordDataRequests(page);
  await loginViaApi(page, admin.username, admin.password, '/admin');

  const queue = page.getByRole('region', { name: 'Doctors awaiting approval' });
  await expect(queue.getByRole('link', { name: doctor.full_name })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Appointments per day\./ })).toBeVisible();
  await settle(page);
  expect(requests).toEqual(['GET /api/v1/dashboard/']);

  await queue.getByRole('button', { name: `Approve ${doctor.full_name}` }).click();
  await expect(page.getByText(`${doctor.full_name} can now sign in.`)).toBeVisible();
  await expect(queue.getByRole('link', { name: doctor.full_name })).toHaveCount(0);
  await settle(page);

  expect((await adminApi.get<Doctor>(`doctors/${doctor.id}/`)).status).toBe('APPROVED');
  expect(requests).toEqual([
    'GET /api/v1/dashboard/',
    `POST /api/v1/doctors/${doctor.id}/approve/`,
    'GET /api/v1/dashboard/',
  ]);
});

test('on a phone the queues come before the chart, without sideways scrolling', async ({
  page,
  api,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const doctor = await signUpDoctor(api);
  const admin = await signUpAdmin(api);
  await loginViaApi(page, admin.username, admin.password, '/admin');

  const queue = page.getByRole('region', { name: 'Doctors awaiting approval' });
  const approve = queue.getByRole('button', { name: `Approve ${doctor.full_name}` });
  await expect(approve).toBeVisible();
  const chart = page.getByRole('img', { name: /^Appointments per day\./ });
  await expect(chart).toBeVisible();
  const queueBox = await queue.boundingBox();
  const chartBox = await chart.boundingBox();
  const approveBox = await approve.boundingBox();
  if (queueBox === null || chartBox === null || approveBox === null) {
    throw new Error('the queue, its Approve button or the chart has no box');
  }
  expect(queueBox.y).toBeLessThan(chartBox.y);
  expect(approveBox.x + approveBox.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await expectNoSeriousA11yViolations(page);
});
