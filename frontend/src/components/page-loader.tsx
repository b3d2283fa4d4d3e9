import { Center, Loader } from '@mantine/core';

/** A centred spinner for a whole page or panel that is still loading. */
export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader aria-label={label} />
    </Center>
  );
}
