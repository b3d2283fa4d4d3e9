import type { RouteObject } from 'react-router';

import type { Role } from '@/lib/auth/session';

export interface NavItem {
  label: string;
  /** Absolute path, e.g. `/admin/doctors`. */
  to: string;
  /** Match the path exactly (for the dashboard at the area's root). */
  end?: boolean;
}

/**
 * One role's area of the app (`/admin/*`, `/doctor/*`, `/patient/*`). A feature adds its pages
 * by adding route objects to `routes` (paths relative to the area) and, when it deserves a menu
 * entry, a `nav` item. The area's guard and the app shell come for free.
 */
export interface RoleModule {
  role: Role;
  /** The URL segment of the area, without slashes. */
  path: string;
  nav: NavItem[];
  routes: RouteObject[];
}
