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
    <Badge color={COLOR[state]} variant="light">
      {STATE_LABEL[state]}
    </Badge>
  );
}
