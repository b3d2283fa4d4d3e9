import { Button, Stack, Text, Title } from '@mantine/core';

/** Last-resort page when a screen throws: a way out instead of a blank page. */
export function RouteErrorBoundary() {
  return (
    <Stack gap="md" maw={560} mx="auto" py="xl" px="md" role="alert">
      <Title order={1}>Something went wrong</Title>
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
