import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

import { ConfirmModal } from '@/components/confirm-modal';
import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { PanelLoader } from '@/components/panel-loader';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { formatMoney, todayIn } from '@/lib/format';
import { amount, dateWithin, focusFirstError, validateWith, z } from '@/lib/forms';
import { useHospital, useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useDischargeAdmission } from '../api/discharge-admission';
import type { Admission, DischargeBody } from '../api/keys';
import { useDischargePreview } from '../api/preview-discharge';

import { DischargeSummaryStatus } from './discharge-summary-status';

type InvoicePreview = components['schemas']['InvoicePreview'];

/** The discharge form's schema: a date from the admission to the hospital's today, and charges. */
export function dischargeSchema(admittedOn: string, today: string) {
  return z.object({
    discharged_on: dateWithin('Enter the discharge date.', {
      min: [admittedOn, 'The discharge date cannot be before the admission date.'],
      max: [today, 'The discharge date cannot be in the future.'],
    }),
    room_charge_per_day: amount(),
    doctor_fee: amount(),
    medicine_cost: amount(),
    other_charge: amount(),
  });
}

type DischargeValues = z.input<ReturnType<typeof dischargeSchema>>;

const SHOWN_FIELDS: string[] = [
  'discharged_on',
  'room_charge_per_day',
  'doctor_fee',
  'medicine_cost',
  'other_charge',
];

function sameBody(a: DischargeBody | null, b: DischargeBody | null): boolean {
  return a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Discharge an admitted patient. As the admin types the charges, the server previews the bill
 * (nothing is saved); the discharge can be confirmed once the preview shows the current entries.
 */
export function DischargePanel({ admission }: { admission: Admission }) {
  const hospital = useHospital();
  const today = todayIn(hospital.data?.time_zone ?? 'UTC');
  const navigate = useNavigate();
  const discharge = useDischargeAdmission(admission.id);
  const [confirming, confirmModal] = useDisclosure(false);
  const form = useForm<DischargeValues>({
    // The bill waits for valid entries; say which one is not as soon as the admin leaves it.
    validateInputOnBlur: true,
    initialValues: {
      discharged_on: today < admission.admitted_on ? admission.admitted_on : today,
      room_charge_per_day: admission.room_charge_per_day ?? '',
      doctor_fee: '',
      medicine_cost: '',
      other_charge: '0',
    },
    validate: validateWith(dischargeSchema(admission.admitted_on, today)),
  });
  const { setErrors, setFieldValue, getValues, isTouched } = form;

  // The hospital's today, not the browser's, once its time zone is known (unless already chosen).
  const defaultDate = today < admission.admitted_on ? admission.admitted_on : today;
  useEffect(() => {
    if (!isTouched('discharged_on') && getValues().discharged_on !== defaultDate) {
      setFieldValue('discharged_on', defaultDate);
    }
  }, [defaultDate, isTouched, getValues, setFieldValue]);

  const parsed = dischargeSchema(admission.admitted_on, today).safeParse(form.values);
  const body: DischargeBody | null = parsed.success ? parsed.data : null;
  const [debouncedBody] = useDebouncedValue(body, 400);
  const preview = useDischargePreview(admission.id, debouncedBody);
  const previewCurrent =
    preview.isSuccess && !preview.isPlaceholderData && sameBody(body, debouncedBody);

  useEffect(() => {
    setErrors(fieldErrors(discharge.error));
  }, [discharge.error, setErrors]);

  const submit = form.onSubmit(() => {
    if (discharge.isPending || !previewCurrent) return;
    discharge.reset();
    confirmModal.open();
  }, focusFirstError(form));

  const confirm = () => {
    if (body === null || discharge.isPending) return;
    discharge.mutate(body, {
      onSuccess: (invoice) => {
        confirmModal.close();
        notifySuccess(
          'Patient discharged',
          `Invoice ${invoice.number} for ${formatMoney(invoice.total, invoice.currency)} was issued.`,
        );
        void navigate(paths.admin.invoice.getHref(invoice.id));
      },
    });
  };

  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack gap="md">
        <Title order={2} size="h3">
          Discharge
        </Title>
        <DischargeSummaryStatus admissionId={admission.id} />
        <form onSubmit={submit} noValidate aria-label="Discharge">
          <Stack gap="md">
            <FormError error={discharge.error} shownFields={SHOWN_FIELDS} title="Not discharged" />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label="Discharge date"
                required
                min={admission.admitted_on}
                max={today}
                {...form.getInputProps('discharged_on')}
              />
              <TextInput
                label="Daily room charge"
                required
                inputMode="decimal"
                {...form.getInputProps('room_charge_per_day')}
              />
              <TextInput
                label="Doctor fee"
                required
                inputMode="decimal"
                {...form.getInputProps('doctor_fee')}
              />
              <TextInput
                label="Medicine cost"
                required
                inputMode="decimal"
                {...form.getInputProps('medicine_cost')}
              />
              <TextInput
                label="Other charges"
                required
                inputMode="decimal"
                {...form.getInputProps('other_charge')}
              />
            </SimpleGrid>
            <BillPreview
              preview={preview.data}
              waiting={body === null}
              updating={body !== null && !previewCurrent && !preview.isError}
              error={body !== null && sameBody(body, debouncedBody) ? preview.error : null}
            />
            <Group>
              {/* While an entry is wrong, pressing it says which one; valid entries wait for the bill. */}
              <Button
                type="submit"
                disabled={body !== null && !previewCurrent}
                loading={discharge.isPending}
              >
                Discharge and issue invoice
              </Button>
              {body !== null && !previewCurrent && (
                <Text size="sm" c="dimmed">
                  The bill preview must show your entries before you can discharge.
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={confirmModal.close}
        title={`Discharge ${admission.patient_name}?`}
        confirmLabel="Discharge and issue invoice"
        color="blue"
        pending={discharge.isPending}
        error={discharge.error}
        onConfirm={confirm}
      >
        {preview.data === undefined
          ? ''
          : `The admission closes and invoice for ${formatMoney(preview.data.total, preview.data.currency)} is issued. An issued invoice cannot be changed.`}
      </ConfirmModal>
    </Paper>
  );
}

interface BillPreviewProps {
  preview: InvoicePreview | undefined;
  /** The form is not complete yet: nothing to ask. */
  waiting: boolean;
  /** The shown bill is for earlier entries; a new one is on its way. */
  updating: boolean;
  error: unknown;
}

/** The server's bill for the current entries, line by line, exactly as it sent the amounts. */
function BillPreview({ preview, waiting, updating, error }: BillPreviewProps) {
  const format = useHospitalFormat();
  return (
    <Paper bg="gray.0" p="md" radius="md" aria-labelledby="bill-preview-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id="bill-preview-title">
            Bill preview
          </Title>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {updating ? 'Updating…' : ''}
          </Text>
        </Group>
        {error !== null && error !== undefined ? (
          <FormError error={error} title="The bill cannot be computed" />
        ) : waiting ? (
          <Text size="sm" c="dimmed">
            Fill in the date and every charge to see the bill.
          </Text>
        ) : preview === undefined ? (
          <PanelLoader label="Computing the bill…" />
        ) : (
          <Table
            verticalSpacing={4}
            style={{ opacity: updating ? 0.6 : 1 }}
            aria-label="Bill preview"
          >
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Stay</Table.Th>
                <Table.Td ta="right">
                  {format.date(preview.admitted_on)} – {format.date(preview.discharged_on)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Days billed</Table.Th>
                <Table.Td ta="right">{preview.days}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">
                  Room charge ({preview.days} × {formatMoney(preview.room_charge_per_day, preview.currency)})
                </Table.Th>
                <Table.Td ta="right">{formatMoney(preview.room_charge, preview.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Doctor fee</Table.Th>
                <Table.Td ta="right">{formatMoney(preview.doctor_fee, preview.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Medicine cost</Table.Th>
                <Table.Td ta="right">{formatMoney(preview.medicine_cost, preview.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Other charges</Table.Th>
                <Table.Td ta="right">{formatMoney(preview.other_charge, preview.currency)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatMoney(preview.total, preview.currency)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
