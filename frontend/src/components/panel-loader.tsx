import { Center, Loader } from '@mantine/core';

/** A small spinner for a panel or section inside a page (PageLoader is for a whole page). */
export function PanelLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-label={label} />
    </Center>
  );
}
