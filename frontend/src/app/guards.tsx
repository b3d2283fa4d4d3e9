import { Navigate, Outlet, useLocation } from 'react-router';

import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { isEnrolmentOnly } from '@/lib/api/client';
import type { Role } from '@/lib/auth/session';
import { ROLE_HOME, useSession } from '@/lib/auth/session';

import { NotAllowedRoute } from './routes/not-allowed';

/** Where the login page sends the user back to after signing in. */
export interface LoginLocationState {
  from?: string;
}

/** Only signed-in users pass; others go to the login page and come back here afterwards. */
export function RequireAuth() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <PageLoader label="Restoring your session…" />;
  if (state.status === 'anonymous') {
    // After an explicit sign-out the next person should start on their own home page.
    const from =
      state.reason === 'signed-out'
        ? undefined
        : `${location.pathname}${location.search}${location.hash}`;
    const loginState: LoginLocationState = from === undefined ? {} : { from };
    return <Navigate to={paths.auth.login.getHref()} replace state={loginState} />;
  }
  return <Outlet />;
}

const PROFILE: Record<Role, string> = {
  ADMIN: paths.admin.profile.getHref(),
  DOCTOR: paths.doctor.profile.getHref(),
  PATIENT: paths.patient.profile.getHref(),
};

/**
 * Pages of one role; another role's user sees "Not allowed" instead of a broken screen. A session
 * that may only enrol in two-factor sign-in is kept on the profile page, where enrolment is.
 */
export function RequireRole({ role }: { role: Role }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== 'authenticated') return null;
  if (state.user.role !== role) return <NotAllowedRoute />;
  const profile = PROFILE[role];
  if (isEnrolmentOnly() && location.pathname !== profile) return <Navigate to={profile} replace />;
  return <Outlet />;
}

/**
 * The page to open after signing in: the page the user was sent away from when it lies in their
 * own role's area, otherwise their dashboard (another role's page would only say "Not allowed").
 */
export function pathAfterLogin(role: Role, from: string | undefined): string {
  const home = ROLE_HOME[role];
  if (!from?.startsWith('/')) return home;
  const inArea = (area: string) =>
    from === area || from.startsWith(`${area}/`) || from.startsWith(`${area}?`);
  return inArea(home) ? from : home;
}

/** Login and sign-up pages: a signed-in user goes on to the app instead. */
export function RedirectIfAuthenticated() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <PageLoader label="Restoring your session…" />;
  if (state.status === 'authenticated') {
    const { from } = (location.state ?? {}) as LoginLocationState;
    return <Navigate to={pathAfterLogin(state.user.role, from)} replace />;
  }
  return <Outlet />;
}
