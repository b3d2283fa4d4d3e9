import { Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PanelLoader } from '@/components/panel-loader';
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
      {waitlist.isPending ? (
        <PanelLoader label="Loading the waitlist…" />
      ) : waitlist.isError ? (
        <LoadError what="the waitlist" error={waitlist.error} onRetry={waitlist.refetch} />
      ) : (
        <WaitlistEntries entries={waitlist.data.results} showPatient />
      )}
    </Stack>
  );
}
