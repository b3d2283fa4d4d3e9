import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl" px="md">
      <Title order={1}>Page not found</Title>
      <Text>There is no page at this address.</Text>
      <div>
        <Button component={Link} to="/">
          Go to the start page
        </Button>
      </div>
    </Stack>
  );
}
