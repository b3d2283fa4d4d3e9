import type { RoleModule } from './role-module';
import { DashboardPlaceholderRoute } from './dashboard-placeholder';

/** The doctor area: `/doctor/*`. Features add their routes and menu entries here. */
export const doctorModule: RoleModule = {
  role: 'DOCTOR',
  path: 'doctor',
  nav: [{ label: 'Dashboard', to: '/doctor', end: true }],
  routes: [{ index: true, element: <DashboardPlaceholderRoute /> }],
};
