import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';

import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import type { Role } from '@/lib/auth/session';

import { RedirectIfAuthenticated, RequireAuth, RequireRole } from '../guards';
import { AppShellLayout } from '../layouts/app-shell-layout';
import { AuthLayout } from '../layouts/auth-layout';
import { adminModule } from './admin';
import { LoginRoute } from './auth/login';
import { SignUpSubmittedRoute } from './auth/sign-up-submitted';
import { doctorModule } from './doctor';
import { NotFoundRoute } from './not-found';
import { lazyPage, titled } from './page';
import { patientModule } from './patient';
import type { RoleModule } from './role-module';
import { RouteErrorBoundary } from './route-error';

export const roleModules: Record<Role, RoleModule> = {
  ADMIN: adminModule,
  DOCTOR: doctorModule,
  PATIENT: patientModule,
};

export const routes: RouteObject[] = [
  {
    element: <Outlet />,
    errorElement: <RouteErrorBoundary />,
    // Shown while a lazy route's code loads on the first page of a visit.
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        element: <RedirectIfAuthenticated />,
        children: [
          { index: true, element: <Navigate to={paths.auth.login.getHref()} replace /> },
          {
            element: <AuthLayout />,
            children: [
              {
                path: paths.auth.login.path,
                handle: { title: paths.auth.login.title },
                Component: titled(paths.auth.login.title, LoginRoute),
              },
              {
                path: paths.auth.signUpStart.path,
                element: <Navigate to={paths.auth.signUp.getHref()} replace />,
              },
              {
                path: paths.auth.signUpSubmitted.path,
                handle: { title: paths.auth.signUpSubmitted.title },
                Component: titled(paths.auth.signUpSubmitted.title, SignUpSubmittedRoute),
              },
              lazyPage(
                paths.auth.forgotPassword,
                async () => (await import('./auth/forgot-password')).ForgotPasswordRoute,
              ),
              lazyPage(
                paths.auth.resetPassword,
                async () => (await import('./auth/reset-password')).ResetPasswordRoute,
              ),
              // The sign-up forms (and the date picker) load only when someone signs up.
              lazyPage(paths.auth.signUp, async () => (await import('./auth/sign-up')).SignUpRoute),
            ],
          },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShellLayout modules={roleModules} />,
            children: Object.values(roleModules).map((module) => ({
              path: module.path,
              element: <RequireRole role={module.role} />,
              // An unknown page inside an area still goes through the area's guard, so another
              // role learns nothing about which pages exist there.
              children: [...module.routes, { path: '*', element: <NotFoundRoute /> }],
            })),
          },
        ],
      },
      {
        // The one-click link of a notification e-mail works signed in or not.
        element: <AuthLayout />,
        children: [
          lazyPage(
            paths.unsubscribe,
            async () =>
              (await import('@/features/notifications/components/unsubscribe-page'))
                .UnsubscribePage,
          ),
        ],
      },
      {
        // An unknown public address: the hospital's name above the page, like sign-in.
        element: <AuthLayout />,
        children: [{ path: '*', element: <NotFoundRoute /> }],
      },
    ],
  },
];
