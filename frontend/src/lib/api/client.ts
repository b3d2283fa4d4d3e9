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
// The session permits the two-factor enrolment only (the API says so with every token it issues).
let enrolmentOnly = false;
let refreshInFlight: Promise<boolean> | null = null;
const expiryListeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Whether the signed-in session may only enrol in two-factor sign-in (its role requires it). */
export function isEnrolmentOnly(): boolean {
  return enrolmentOnly;
}

export function setEnrolmentOnly(value: boolean): void {
  enrolmentOnly = value;
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

/** The cookie the API sets beside the (unreadable) refresh cookie; it holds no secret. */
export const SESSION_HINT_COOKIE = 'hms_session';

/** Whether the browser holds the API's session hint: a session may be restored from the cookie. */
export function hasSessionHint(): boolean {
  return globalThis.document.cookie
    .split(';')
    .some((part) => part.trim() === `${SESSION_HINT_COOKIE}=1`);
}

/** The Web Lock every tab of this origin takes to refresh: one tab rotates the cookie at a time. */
export const REFRESH_LOCK = 'hms-token-refresh';

/**
 * Run `work` holding the refresh lock of every tab of the origin (`navigator.locks`). Without Web
 * Locks (old browsers, some test environments) it runs at once: the API answers a rotated cookie
 * sent again within its grace period with the same successor, so parallel tabs still succeed.
 */
function withRefreshLock(work: () => Promise<boolean>): Promise<boolean> {
  const locks = globalThis.navigator.locks as LockManager | undefined;
  if (locks === undefined || typeof locks.request !== 'function') return work();
  // The lock is held until `work` settles, and request() resolves with its result.
  return locks.request(REFRESH_LOCK, { mode: 'exclusive' }, work) as unknown as Promise<boolean>;
}

/**
 * Ask the API for a new access token with the refresh cookie (rotated by the API).
 *
 * Concurrent callers in this tab share one request, and tabs take turns under a Web Lock: the
 * tab that refreshes first rotates the shared cookie, and the next one refreshes with its result
 * (the new cookie), so several tabs opened or reloaded together all stay signed in.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= withRefreshLock(async () => {
    try {
      const { data } = await api.POST('/api/v1/auth/token/refresh/', { body: {} });
      accessToken = data?.access ?? null;
      enrolmentOnly = data?.mfa_enrolment_required === true;
      return accessToken !== null;
    } catch {
      accessToken = null;
      return false;
    }
  }).finally(() => {
    refreshInFlight = null;
  });
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
