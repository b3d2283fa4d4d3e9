import { Stack } from '@mantine/core';
import type { ComponentType } from 'react';

/** One page made of a domain's page and another domain's panel below it (features stay apart). */
export function stacked(Main: ComponentType, Panel: ComponentType): ComponentType {
  function StackedPage() {
    return (
      <Stack gap="lg">
        <Main />
        <Panel />
      </Stack>
    );
  }
  return StackedPage;
}
