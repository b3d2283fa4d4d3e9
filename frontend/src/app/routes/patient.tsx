import type { RoleModule } from './role-module';
import { DashboardPlaceholderRoute } from './dashboard-placeholder';

/** The patient area: `/patient/*`. Features add their routes and menu entries here. */
export const patientModule: RoleModule = {
  role: 'PATIENT',
  path: 'patient',
  nav: [{ label: 'Dashboard', to: '/patient', end: true }],
  routes: [{ index: true, element: <DashboardPlaceholderRoute /> }],
};
