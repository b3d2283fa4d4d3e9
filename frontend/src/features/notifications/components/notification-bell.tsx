import { ActionIcon, Indicator } from '@mantine/core';
import { Link } from 'react-router';

import { useUnreadCount } from '../api/get-notifications';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/** The header's bell: the unread count, kept current by polling; opens the notifications page. */
export function NotificationBell({ to }: { to: string }) {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count === 0 ? 'Notifications' : `Notifications, ${count} unread`;
  return (
    <Indicator
      label={count > 99 ? '99+' : String(count)}
      size={18}
      disabled={count === 0}
      color="red"
      offset={4}
    >
      <ActionIcon component={Link} to={to} variant="subtle" size="lg" aria-label={label} title={label}>
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
