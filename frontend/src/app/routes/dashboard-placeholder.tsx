import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import { PageLoader } from '@/components/page-loader';
import { errorMessage } from '@/lib/api/errors';
import { ROLE_LABEL, meQueryOptions } from '@/lib/auth/session';
import { useHospital } from '@/lib/hospital';

/** The landing page of each role until that role's workspace feature replaces it. */
export function DashboardPlaceholderRoute() {
  const me = useQuery(meQueryOptions);
  const hospital = useHospital();

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <Text role="alert">{errorMessage(me.error)}</Text>;

  const user = me.data;
  return (
    <Stack gap="lg">
      <Title order={1}>Dashboard</Title>
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Group gap="sm">
            <Text size="lg" fw={600}>
              Welcome, {user.full_name}
            </Text>
            <Badge variant="light">{ROLE_LABEL[user.role]}</Badge>
          </Group>
          <Text c="dimmed">
            Signed in as {user.username}
            {hospital.data !== undefined ? ` at ${hospital.data.name}` : ''}.
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
