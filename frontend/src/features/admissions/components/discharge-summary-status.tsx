import { Alert } from '@mantine/core';

import { useDischargeReadiness } from '../api/get-discharge-readiness';

/** The clinical side of a discharge: is the stay's discharge summary signed? */
export function DischargeSummaryStatus({ admissionId }: { admissionId: number }) {
  const readiness = useDischargeReadiness(admissionId);
  if (!readiness.isSuccess) return null;
  const { has_signed_discharge_summary: signed, discharge_summary_status: status } =
    readiness.data;
  if (signed) {
    return (
      <Alert color="green" title="Discharge summary signed">
        The attending doctor has signed the discharge summary; you can print it for the patient.
      </Alert>
    );
  }
  const state =
    status === 'DRAFT'
      ? 'The attending doctor has started the discharge summary but not signed it.'
      : 'The attending doctor has not written a discharge summary yet.';
  return readiness.data.summary_required ? (
    <Alert color="red" title="Discharge summary required">
      {state} The hospital requires a signed summary before discharge.
    </Alert>
  ) : (
    // Mantine's yellow title is 2.7:1 on its light background; dark text keeps AA contrast.
    <Alert
      color="yellow"
      title="No signed discharge summary"
      styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}
    >
      {state} You can still discharge the patient.
    </Alert>
  );
}
