import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

import { FALLBACK_TITLES } from '@/config/paths';
import { ROLE_HOME, ROLE_LABEL, useCurrentUser } from '@/lib/auth/session';
import { usePageTitle } from '@/lib/page-title';

/** Shown in place of a page that belongs to another role. */
export function NotAllowedRoute() {
  usePageTitle(FALLBACK_TITLES.notAllowed);
  const user = useCurrentUser();
  return (
    <Stack gap="md" maw={560} py="xl">
      <Title order={1}>{FALLBACK_TITLES.notAllowed}</Title>
      <Text>
        This page is not available to your account ({ROLE_LABEL[user.role]}). If you think you
        should have access, ask the hospital&apos;s administrator.
      </Text>
      <div>
        <Button component={Link} to={ROLE_HOME[user.role]}>
          Go to your dashboard
        </Button>
      </div>
    </Stack>
  );
}
