import { expect, test } from './support';

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
