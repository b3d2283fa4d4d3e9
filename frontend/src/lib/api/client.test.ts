import { afterEach, describe, expect, it } from 'vitest';

import { errorBody, users } from '@/test/fixtures';
import { http } from '@/test/http';
import { mockAuth, server } from '@/test/server';

import {
  REFRESH_LOCK,
  api,
  getAccessToken,
  onSessionExpired,
  refreshSession,
  setAccessToken,
} from './client';

describe('api client', () => {
  let unsubscribe: (() => void) | null = null;
  afterEach(() => {
    unsubscribe?.();
    unsubscribe = null;
  });

  it('sends the in-memory access token as a bearer', async () => {
    setAccessToken(mockAuth.issue(users.doctor));

    const { data } = await api.GET('/api/v1/auth/me/');

    expect(data?.username).toBe('drmeera');
  });

  it('on a 401, refreshes once with the cookie and retries the request once', async () => {
    mockAuth.refreshCookieUser = users.patient;
    setAccessToken('expired-token');
    let refreshes = 0;
    let meCalls = 0;
    server.use(
      http.post('/api/v1/auth/token/refresh/', ({ request, response }) => {
        refreshes += 1;
        expect(request.headers.get('Authorization')).toBeNull();
        expect(request.credentials).toBe('include');
        return response(200).json({ access: mockAuth.issue(users.patient) });
      }),
      http.get('/api/v1/auth/me/', ({ request, response }) => {
        meCalls += 1;
        const user = mockAuth.userOf(request);
        if (user === null) {
          return response(401).json(errorBody('NOT_AUTHENTICATED', 'Token expired.'));
        }
        return response(200).json(user);
      }),
    );

    const { data } = await api.GET('/api/v1/auth/me/');

    expect(data?.username).toBe('ravi');
    expect(refreshes).toBe(1);
    expect(meCalls).toBe(2);
    expect(getAccessToken()).toMatch(/^access-ravi-/);
  });

  it('shares one refresh between parallel 401s (a rotated cookie is single-use)', async () => {
    mockAuth.refreshCookieUser = users.admin;
    setAccessToken('expired-token');
    let refreshes = 0;
    server.use(
      http.post('/api/v1/auth/token/refresh/', ({ response }) => {
        refreshes += 1;
        return response(200).json({ access: mockAuth.issue(users.admin) });
      }),
    );

    const results = await Promise.all([
      api.GET('/api/v1/auth/me/'),
      api.GET('/api/v1/auth/me/'),
      api.GET('/api/v1/auth/me/'),
    ]);

    expect(results.map((result) => result.data?.username)).toEqual(['asha', 'asha', 'asha']);
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh fails', async () => {
    setAccessToken('expired-token');
    let expired = 0;
    unsubscribe = onSessionExpired(() => {
      expired += 1;
    });

    const { error, response } = await api.GET('/api/v1/auth/me/');

    expect(response.status).toBe(401);
    expect(error?.code).toBe('NOT_AUTHENTICATED');
    expect(expired).toBe(1);
    expect(getAccessToken()).toBeNull();
  });

  it('does not refresh on a 401 from the token endpoint (wrong password)', async () => {
    let refreshes = 0;
    server.use(
      http.post('/api/v1/auth/token/refresh/', ({ response }) => {
        refreshes += 1;
        return response(401).json(errorBody('NOT_AUTHENTICATED', 'No cookie.'));
      }),
    );
    setAccessToken('some-token');

    const { response } = await api.POST('/api/v1/auth/token/', {
      body: { username: 'asha', password: 'nope', use_cookie: true },
    });

    expect(response.status).toBe(401);
    expect(refreshes).toBe(0);
  });

  it('refreshSession answers false without a cookie and true with one', async () => {
    expect(await refreshSession()).toBe(false);
    mockAuth.refreshCookieUser = users.admin;
    expect(await refreshSession()).toBe(true);
    expect(getAccessToken()).toMatch(/^access-asha-/);
  });
});

describe('refresh under a Web Lock', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis.navigator, 'locks');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis.navigator, 'locks', original);
    else Reflect.deleteProperty(globalThis.navigator, 'locks');
  });

  it('takes the shared refresh lock, so tabs refresh one after another', async () => {
    const taken: string[] = [];
    let held = false;
    Object.defineProperty(globalThis.navigator, 'locks', {
      configurable: true,
      value: {
        request: async (name: string, options: LockOptions, work: () => Promise<unknown>) => {
          expect(options.mode).toBe('exclusive');
          expect(held).toBe(false);
          taken.push(name);
          held = true;
          try {
            return await work();
          } finally {
            held = false;
          }
        },
      },
    });
    mockAuth.refreshCookieUser = users.admin;
    server.use(
      http.post('/api/v1/auth/token/refresh/', ({ response }) => {
        expect(held).toBe(true);
        return response(200).json({ access: mockAuth.issue(users.admin) });
      }),
    );

    expect(await refreshSession()).toBe(true);
    expect(await refreshSession()).toBe(true);

    expect(taken).toEqual([REFRESH_LOCK, REFRESH_LOCK]);
    expect(getAccessToken()).toMatch(/^access-asha-/);
  });

  it('still refreshes where the browser has no Web Locks', async () => {
    Object.defineProperty(globalThis.navigator, 'locks', { configurable: true, value: undefined });
    mockAuth.refreshCookieUser = users.doctor;
    server.use(
      http.post('/api/v1/auth/token/refresh/', ({ response }) =>
        response(200).json({ access: mockAuth.issue(users.doctor) }),
      ),
    );

    expect(await refreshSession()).toBe(true);
    expect(getAccessToken()).toMatch(/^access-drmeera-/);
  });
});
