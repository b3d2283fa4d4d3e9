import { Badge } from '@mantine/core';

import type { PaymentState } from '../api/keys';
import { STATE_LABEL } from '../api/keys';

const COLOR: Record<PaymentState, string> = {
  UNPAID: 'red',
  PART_PAID: 'yellow',
  PAID: 'green',
  VOID: 'gray',
};

/** An invoice's payment state as a badge. */
export function PaymentStateBadge({ state }: { state: PaymentState }) {
  return (
    // Dark text: Mantine's light-variant label colours fall below AA contrast (as elsewhere).
    <Badge color={COLOR[state]} variant="light" c="dark.7">
      {STATE_LABEL[state]}
    </Badge>
  );
}
