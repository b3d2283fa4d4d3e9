import type { RouteObject } from 'react-router';
import { Navigate, Outlet } from 'react-router';

import type { Role } from '@/lib/auth/session';

import { RedirectIfAuthenticated, RequireAuth, RequireRole } from '../guards';
import { AppShellLayout } from '../layouts/app-shell-layout';
import { AuthLayout } from '../layouts/auth-layout';
import { adminModule } from './admin';
import { LoginRoute } from './auth/login';
import { SignUpRoute } from './auth/sign-up';
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
              { path: 'signup/:kind', element: <SignUpRoute /> },
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
              children: module.routes,
            })),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
