import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

import { FALLBACK_TITLES, paths } from '@/config/paths';
import { useHospital } from '@/lib/hospital';
import { usePageTitle } from '@/lib/page-title';

/**
 * An address with no page. Inside a role's area it shows in the app's frame; elsewhere in the
 * public pages' frame, under the hospital's name. It offers the way back, never "Try again": the
 * same address would give the same answer.
 */
export function NotFoundRoute() {
  usePageTitle(FALLBACK_TITLES.notFound);
  const hospital = useHospital();
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl" px="md" align="flex-start">
      <Text c="dimmed" fw={700} size="sm" aria-hidden>
        404
      </Text>
      <Title order={1}>{FALLBACK_TITLES.notFound}</Title>
      <Text>
        There is no page at this address
        {hospital.data === undefined ? '' : ` on the ${hospital.data.name} site`}. It may have
        moved, or the link may have a typing mistake.
      </Text>
      <Button component={Link} to={paths.home.getHref()}>
        Go to the start page
      </Button>
    </Stack>
  );
}
