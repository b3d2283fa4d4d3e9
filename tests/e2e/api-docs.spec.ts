import { DEMO_ADMIN, DEMO_PASSWORD, expect, loginViaApi, test } from './support';

test('Swagger UI renders the API from bundled assets, with no request leaving the origin', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) foreign.push(request.url());
  });

  await page.goto('/api/docs/');

  await expect(page.getByRole('heading', { name: /HMS API/ })).toBeVisible();
  await expect(page.getByText('/api/v1/auth/token/', { exact: true })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('an admin opens the API documentation from the web app, with an HttpOnly docs cookie', async ({
  page,
  context,
}) => {
  await loginViaApi(page, DEMO_ADMIN.username, DEMO_PASSWORD, '/admin');

  const popup = context.waitForEvent('page');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /API documentation/ })
    .click();
  const docs = await popup;

  await expect(docs).toHaveURL(/\/api\/docs\/$/);
  await expect(docs.getByRole('heading', { name: /HMS API/ })).toBeVisible();
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'hms_docs');
  expect(cookie).toMatchObject({ path: '/api/', httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('hms_docs');
});
