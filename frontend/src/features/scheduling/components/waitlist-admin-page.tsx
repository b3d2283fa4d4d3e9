import { Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { DoctorSelect } from '@/components/pickers/doctor-select';

import { useWaitlist } from '../api/get-waitlist';
import { WaitlistEntries } from './waitlist-table';

/** Who waits for which doctor, in line order (admin). */
export function WaitlistAdminPage() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('doctor') ?? '');
  const doctor = Number.isInteger(raw) && raw > 0 ? raw : null;
  const waitlist = useWaitlist(doctor);
  return (
    <Stack gap="md">
      <PageHeader
        title="Waitlist"
        description="People waiting for a slot, first in line first. Freed slots are offered automatically."
      />
      <DoctorSelect
        label="Doctor"
        clearable
        w={300}
        value={doctor}
        onChange={(value) => {
          setParams(value === null ? {} : { doctor: String(value) }, { replace: true });
        }}
      />
      <WaitlistEntries
        entries={waitlist.data?.results}
        loading={waitlist.isPending}
        error={waitlist.error}
        onRetry={waitlist.refetch}
        what="the waitlist"
        showPatient
      />
    </Stack>
  );
}
