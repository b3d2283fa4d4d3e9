import { setupServer } from 'msw/node';

import type { ErrorCode } from '@/lib/api/errors';
import type { CurrentUser } from '@/lib/auth/session';

import { departments, doctorDirectory, errorBody, hospital, users } from './fixtures';
import { http } from './http';
import { doctorDashboard, emptyAdminDashboard, patientDashboard } from './workspace-fixtures';

/**
 * A small in-memory stand-in for the API's auth endpoints: accounts with passwords, access
 * tokens handed out by the token endpoint, and a refresh "cookie" that is either set or not.
 */
export const mockAuth = {
  accounts: new Map<string, { password: string; user: CurrentUser; loginError?: ErrorCode }>(),
  tokens: new Map<string, CurrentUser>(),
  cookieUser: null as CurrentUser | null,
  /** The user whose refresh cookie the browser holds, if any (the API's hint cookie follows). */
  get refreshCookieUser(): CurrentUser | null {
    return this.cookieUser;
  },
  set refreshCookieUser(user: CurrentUser | null) {
    this.cookieUser = user;
    document.cookie = user === null ? 'hms_session=; path=/; max-age=0' : 'hms_session=1; path=/';
  },
  reset() {
    this.accounts.clear();
    this.tokens.clear();
    this.refreshCookieUser = null;
    for (const user of Object.values(users)) {
      this.accounts.set(user.username, { password: 'correct-horse', user });
    }
  },
  issue(user: CurrentUser): string {
    const token = `access-${user.username}-${this.tokens.size + 1}`;
    this.tokens.set(token, user);
    return token;
  },
  userOf(request: Request): CurrentUser | null {
    const header = request.headers.get('Authorization') ?? '';
    return this.tokens.get(header.replace(/^Bearer /, '')) ?? null;
  },
};
mockAuth.reset();

const EMPTY_PAGE = { count: 0, next: null, previous: null, results: [] };

const LOGIN_ERRORS: Partial<Record<ErrorCode, { status: 403; message: string }>> = {
  ACCOUNT_PENDING_APPROVAL: { status: 403, message: 'Your account is awaiting approval.' },
  ACCOUNT_REJECTED: { status: 403, message: 'Your account was not approved.' },
};

export const handlers = [
  http.get('/api/v1/hospital/', ({ response }) => response(200).json(hospital)),
  http.get('/api/v1/departments/', ({ response }) => response(200).json(departments)),
  http.get('/api/v1/doctors/directory/', ({ response }) => response(200).json(doctorDirectory)),

  http.post('/api/v1/auth/token/', async ({ request, response }) => {
    const body = await request.json();
    const account = mockAuth.accounts.get(body.username);
    if (account?.password !== body.password) {
      return response(401).json(
        errorBody('INVALID_CREDENTIALS', 'No active account found with the given credentials.'),
      );
    }
    const code = account.loginError;
    const failure = code === undefined ? undefined : LOGIN_ERRORS[code];
    if (code !== undefined && failure !== undefined) {
      return response(failure.status).json(errorBody(code, failure.message));
    }
    if (body.use_cookie) mockAuth.refreshCookieUser = account.user;
    return response(200).json({ access: mockAuth.issue(account.user) });
  }),

  http.post('/api/v1/auth/token/refresh/', ({ response }) => {
    const user = mockAuth.refreshCookieUser;
    if (user === null) {
      return response(401).json(errorBody('INVALID_TOKEN', 'Token is invalid or expired'));
    }
    return response(200).json({ access: mockAuth.issue(user) });
  }),

  http.post('/api/v1/auth/logout/', ({ response }) => {
    mockAuth.refreshCookieUser = null;
    return response(204).empty();
  }),

  http.get('/api/v1/auth/me/', ({ request, response }) => {
    const user = mockAuth.userOf(request);
    if (user === null) {
      return response(401).json(
        errorBody('NOT_AUTHENTICATED', 'Authentication credentials were not provided.'),
      );
    }
    return response(200).json(user);
  }),

  // The profile page's security sections; tests about them answer with their own rows.
  http.get('/api/v1/auth/sessions/', ({ response }) =>
    response(200).json({
      count: 1,
      next: null,
      previous: null,
      results: [
        {
          id: 1,
          device_label: 'Firefox on Linux',
          created_at: '2026-11-20T09:00:00+05:30',
          last_used_at: '2026-11-20T09:30:00+05:30',
          expires_at: '2026-11-27T09:00:00+05:30',
          current: true,
        },
      ],
    }),
  ),
  http.get('/api/v1/auth/mfa/status/', ({ response }) =>
    response(200).json({ enabled: false, required_for_role: false, recovery_codes_left: 0 }),
  ),

  // Every role lands on a dashboard; tests about its contents answer with their own numbers.
  http.get('/api/v1/dashboard/', ({ request, response }) => {
    const user = mockAuth.userOf(request);
    if (user === null) {
      return response(401).json(
        errorBody('NOT_AUTHENTICATED', 'Authentication credentials were not provided.'),
      );
    }
    const dashboards = {
      ADMIN: emptyAdminDashboard,
      DOCTOR: doctorDashboard(),
      PATIENT: patientDashboard(),
    };
    return response(200).json(dashboards[user.role]);
  }),

  // Lists answer empty unless a test answers with its own rows.
  http.get('/api/v1/doctors/', ({ response }) => response(200).json(EMPTY_PAGE)),
  http.get('/api/v1/patients/', ({ response }) => response(200).json(EMPTY_PAGE)),
  http.get('/api/v1/appointments/', ({ response }) => response(200).json(EMPTY_PAGE)),
  http.get('/api/v1/notifications/', ({ response }) => response(200).json(EMPTY_PAGE)),
  // A stay without a discharge summary, in a hospital that only warns.
  http.get('/api/v1/clinical/admissions/{id}/discharge-readiness/', ({ params, response }) =>
    response(200).json({
      admission: Number(params.id),
      patient: 1,
      discharge_summary: null,
      discharge_summary_status: null,
      has_signed_discharge_summary: false,
      summary_required: false,
    }),
  ),
];

export const server = setupServer(...handlers);
