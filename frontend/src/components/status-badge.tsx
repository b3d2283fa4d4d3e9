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
};

export const ADMISSION_STATUS_LABEL: Record<AdmissionStatus, string> = {
  ADMITTED: 'Admitted',
  DISCHARGED: 'Discharged',
};

// Shade 9 (7 for grey) keeps the text of light badges above WCAG AA contrast.
const COLOR: Record<AccountStatus | AppointmentStatus | AdmissionStatus, string> = {
  PENDING: 'orange.9',
  APPROVED: 'green.9',
  CONFIRMED: 'green.9',
  REJECTED: 'red.9',
  DELETED: 'gray.7',
  CANCELLED: 'gray.7',
  COMPLETED: 'blue.9',
  ADMITTED: 'blue.9',
  DISCHARGED: 'gray.7',
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
    <Badge variant="light" color={COLOR[props.status]} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
