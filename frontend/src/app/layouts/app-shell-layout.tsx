import { Anchor, AppShell, Badge, Box, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';

import { ApiDocsLink } from '@/features/api-docs/components/api-docs-link';
import { useLogout } from '@/features/accounts/api/logout';
import { useIdleLogout } from '@/features/accounts/hooks/use-idle-logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { paths } from '@/config/paths';
import type { Role } from '@/lib/auth/session';
import { ROLE_LABEL, useCurrentUser, useSession } from '@/lib/auth/session';
import { useHospital } from '@/lib/hospital';

import type { RoleModule } from '../routes/role-module';

const NOTIFICATIONS: Record<Role, string> = {
  ADMIN: paths.admin.notifications.getHref(),
  DOCTOR: paths.doctor.notifications.getHref(),
  PATIENT: paths.patient.notifications.getHref(),
};

interface AppShellLayoutProps {
  modules: Record<Role, RoleModule>;
}

/** The signed-in frame: header, the menu of the user's role, and the page. */
export function AppShellLayout({ modules }: AppShellLayoutProps) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const logout = useLogout();
  const hospital = useHospital();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);

  useIdleLogout(
    useCallback(() => {
      void signOut('idle');
    }, [signOut]),
  );

  const items = modules[user.role].nav;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <Anchor href="#main" className="skip-link">
        Skip to main content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* At a phone's width the hospital's name gives way, never the sign-out button. */}
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close menu' : 'Open menu'}
            />
            <Text fw={700} truncate>
              {hospital.data?.name ?? 'HMS'}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Box visibleFrom="xs" ta="right">
              <Text size="sm" fw={500} truncate>
                {user.full_name}
              </Text>
            </Box>
            <NotificationBell to={NOTIFICATIONS[user.role]} />
            <Badge variant="light">{ROLE_LABEL[user.role]}</Badge>
            <Button
              variant="default"
              size="xs"
              loading={logout.isPending}
              onClick={() => {
                if (!logout.isPending) logout.mutate();
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Main">
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            label={item.label}
            active={
              item.end === true
                ? location.pathname === item.to || location.pathname === `${item.to}/`
                : location.pathname.startsWith(item.to)
            }
            onClick={nav.close}
          />
        ))}
        {/* The API's documentation is for the hospital's admins (and integrators). */}
        {user.role === 'ADMIN' && <ApiDocsLink />}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
