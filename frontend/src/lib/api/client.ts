import createClient from 'openapi-fetch';

import type { paths } from './schema';

/**
 * The one typed client for the HMS API.
 *
 * The access token lives only in this module's memory: never in localStorage, sessionStorage or
 * a readable cookie (SPEC section 5). The refresh token is an HttpOnly cookie the API sets on
 * `/api/v1/auth/`; the SPA never sees it, it only asks the API to use it.
 */

const API_PREFIX = '/api/v1/';
const TOKEN_PATH = `${API_PREFIX}auth/token/`;
const REFRESH_PATH = `${API_PREFIX}auth/token/refresh/`;
const LOGOUT_PATH = `${API_PREFIX}auth/logout/`;
const SIGNUP_PREFIX = `${API_PREFIX}auth/signup/`;

// A stale bearer on these would make the API answer 401 before it looks at the cookie, and a 401
// from them means "bad credentials / no session", never "refresh and retry".
const NO_BEARER_PATHS = [TOKEN_PATH, REFRESH_PATH, LOGOUT_PATH];
const NO_RETRY_PATHS = [TOKEN_PATH, REFRESH_PATH, LOGOUT_PATH, SIGNUP_PREFIX];

let accessToken: string | null = null;
let refreshInFlight: Promise<boolean> | null = null;
const expiryListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Subscribe to "the session is gone" (a refresh failed after a 401). Returns the unsubscriber. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => {
    expiryListeners.delete(listener);
  };
}

function expireSession(): void {
  accessToken = null;
  for (const listener of expiryListeners) listener();
}

function withBearer(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

function pathOf(request: Request): string {
  return new URL(request.url).pathname;
}

// Read globalThis.fetch on every call (not once at start-up) so test doubles installed later
// (MSW) still see the traffic.
async function authFetch(input: Request): Promise<Response> {
  const path = pathOf(input);
  const sendsBearer = !NO_BEARER_PATHS.includes(path);
  const mayRetry = !NO_RETRY_PATHS.some((prefix) => path.startsWith(prefix));
  const tokenUsed = sendsBearer ? accessToken : null;
  const spare = mayRetry && tokenUsed !== null ? input.clone() : null;

  const response = await globalThis.fetch(
    tokenUsed === null ? input : withBearer(input, tokenUsed),
  );
  if (response.status !== 401 || spare === null) return response;

  // Another request may already have refreshed while this one was in flight.
  const refreshed = accessToken !== null && accessToken !== tokenUsed ? true : await refreshSession();
  if (!refreshed || accessToken === null) {
    expireSession();
    return response;
  }
  return globalThis.fetch(withBearer(spare, accessToken));
}

export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  credentials: 'include',
  fetch: authFetch,
});

/**
 * Ask the API for a new access token with the refresh cookie (rotated by the API).
 *
 * Concurrent callers share one request: a rotated refresh token is single-use, so two parallel
 * refreshes would log the user out.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      const { data } = await api.POST('/api/v1/auth/token/refresh/', { body: {} });
      accessToken = data?.access ?? null;
      return accessToken !== null;
    } catch {
      accessToken = null;
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/**
 * A request outside the typed API (the docs session, `/api/docs/session/`), with the same
 * in-memory bearer and refresh-on-401 as `api`.
 */
export function authenticatedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, globalThis.location.origin);
  return authFetch(new Request(url, { credentials: 'include', ...init }));
}
