import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';

import { FALLBACK_TITLES } from '@/config/paths';

/** Last-resort page when a screen throws: a way out instead of a blank page. */
export function RouteErrorBoundary() {
  // No hospital name here: the error may come from the very code that would load it.
  useEffect(() => {
    document.title = `${FALLBACK_TITLES.error} · HMS`;
  }, []);
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl" px="md" role="alert">
      <Title order={1}>{FALLBACK_TITLES.error}</Title>
      <Text>This page could not be shown. Reload to try again.</Text>
      <div>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload
        </Button>
      </div>
    </Stack>
  );
}
