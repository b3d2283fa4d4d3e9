import { Badge } from '@mantine/core';

import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type AccountStatus = Schemas['AccountStatusEnum'];
export type AppointmentStatus = Schemas['AppointmentStatusEnum'];
export type AdmissionStatus = Schemas['AdmissionStatusEnum'];

/** The API's labels for account statuses (openapi.yaml, AccountStatusEnum). */
export const ACCOUNT_STATUS_LABEL: Record<AccountStatus, string> = {
  PENDING: 'Pending approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DELETED: 'Deleted',
};

export const APPOINTMENT_STATUS_LABEL: Record<AppointmentStatus, string> = {
  PENDING: 'Pending approval',
  CONFIRMED: 'Confirmed',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
  COMPLETED: 'Completed',
  NO_SHOW: 'No-show',
  EXPIRED: 'Expired',
  HELD: 'Held for a waitlist offer',
};

export const ADMISSION_STATUS_LABEL: Record<AdmissionStatus, string> = {
  ADMITTED: 'Admitted',
  DISCHARGED: 'Discharged',
};

const COLOR: Record<AccountStatus | AppointmentStatus | AdmissionStatus, string> = {
  PENDING: 'orange',
  APPROVED: 'green',
  CONFIRMED: 'green',
  REJECTED: 'red',
  DELETED: 'gray',
  CANCELLED: 'gray',
  COMPLETED: 'blue',
  NO_SHOW: 'red',
  EXPIRED: 'gray',
  HELD: 'violet',
  ADMITTED: 'blue',
  DISCHARGED: 'gray',
};

type StatusBadgeProps =
  | { kind: 'account'; status: AccountStatus }
  | { kind: 'appointment'; status: AppointmentStatus }
  | { kind: 'admission'; status: AdmissionStatus };

/** A status as a coloured label; the words carry the meaning, the colour only helps. */
export function StatusBadge(props: StatusBadgeProps) {
  let label: string;
  if (props.kind === 'account') label = ACCOUNT_STATUS_LABEL[props.status];
  else if (props.kind === 'appointment') label = APPOINTMENT_STATUS_LABEL[props.status];
  else label = ADMISSION_STATUS_LABEL[props.status];
  return (
    // Dark text on a light tint stays above AA contrast for every colour (a tint's own shade of
    // orange or green does not).
    <Badge variant="light" color={COLOR[props.status]} c="dark.7" tt="none">
      {label}
    </Badge>
  );
}
