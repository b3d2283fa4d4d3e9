import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';

import { PageLoader } from '@/components/page-loader';
import type { Role } from '@/lib/auth/session';

import { RedirectIfAuthenticated, RequireAuth, RequireRole } from '../guards';
import { AppShellLayout } from '../layouts/app-shell-layout';
import { AuthLayout } from '../layouts/auth-layout';
import { adminModule } from './admin';
import { LoginRoute } from './auth/login';
import { SignUpSubmittedRoute } from './auth/sign-up-submitted';
import { doctorModule } from './doctor';
import { NotFoundRoute } from './not-found';
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
          { index: true, element: <Navigate to="/login" replace /> },
          {
            element: <AuthLayout />,
            children: [
              { path: 'login', element: <LoginRoute /> },
              { path: 'signup', element: <Navigate to="/signup/patient" replace /> },
              { path: 'signup/submitted', element: <SignUpSubmittedRoute /> },
              {
                path: 'forgot-password',
                lazy: async () => ({
                  Component: (await import('./auth/forgot-password')).ForgotPasswordRoute,
                }),
              },
              {
                path: 'reset-password',
                lazy: async () => ({
                  Component: (await import('./auth/reset-password')).ResetPasswordRoute,
                }),
              },
              {
                path: 'signup/:kind',
                // The sign-up forms (and the date picker) load only when someone signs up.
                lazy: async () => ({ Component: (await import('./auth/sign-up')).SignUpRoute }),
              },
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
          {
            path: 'notifications/unsubscribe',
            lazy: async () => ({
              Component: (await import('@/features/notifications/components/unsubscribe-page'))
                .UnsubscribePage,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
