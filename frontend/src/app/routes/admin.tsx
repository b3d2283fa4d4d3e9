import type { RoleModule } from './role-module';
import { DashboardPlaceholderRoute } from './dashboard-placeholder';

/** The admin area: `/admin/*`. Features add their routes and menu entries here. */
export const adminModule: RoleModule = {
  role: 'ADMIN',
  path: 'admin',
  nav: [{ label: 'Dashboard', to: '/admin', end: true }],
  routes: [{ index: true, element: <DashboardPlaceholderRoute /> }],
};
