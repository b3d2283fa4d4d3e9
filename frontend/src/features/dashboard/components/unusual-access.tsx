import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';

type Flag = components['schemas']['UnusualAccessFlag'];

function FlagItem({ flag }: { flag: Flag }) {
  const format = useHospitalFormat();
  return (
    <List.Item>
      <Text size="sm" fw={600}>
        {flag.actor_name} ({flag.actor_role}) opened {flag.patient_count} patients between{' '}
        {format.dateTime(flag.window_start)} and {format.dateTime(flag.raised_at)}
      </Text>
      <List size="xs" withPadding>
        {flag.events.map((event) => (
          <List.Item key={event.id}>
            {format.dateTime(event.at)}: {event.action} (patient {event.patient_ids.join(', ')})
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={`${paths.admin.audit.getHref()}?actor=${flag.actor}&kind=ACCESS`} size="sm">
        Open {flag.actor_name}&apos;s access in the audit log
      </Anchor>
    </List.Item>
  );
}

/** Unusual access: people who opened more patients than allowed in a few minutes (if any). */
export function UnusualAccess({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="unusual-access"
      style={{ borderColor: 'var(--mantine-color-red-9)' }}
    >
      <Stack gap="xs">
        <Title order={2} size="h4" id="unusual-access" c="red.9">
          Unusual access
        </Title>
        <List spacing="sm">
          {flags.map((flag) => (
            <FlagItem key={flag.id} flag={flag} />
          ))}
        </List>
      </Stack>
    </Card>
  );
}
