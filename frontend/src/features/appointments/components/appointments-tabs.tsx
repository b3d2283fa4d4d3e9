import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

import { paths } from '@/config/paths';

const TABS = [
  { label: 'Upcoming', to: paths.doctor.appointments.getHref() },
  { label: 'History', to: paths.doctor.appointmentHistory.getHref() },
];

/** The two views of the doctor's appointments, as links: the current one is marked. */
export function AppointmentsTabs() {
  const pathname = useLocation().pathname.replace(/\/+$/, '');
  return (
    <Group gap="xs" component="nav" aria-label="Appointment views">
      {TABS.map((tab) => {
        const active = pathname === tab.to;
        return (
          <Button
            key={tab.to}
            component={Link}
            to={tab.to}
            size="sm"
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
          >
            {tab.label}
          </Button>
        );
      })}
    </Group>
  );
}
