import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';

import type { PrescriptionLineBody, VisitNote, VisitNoteBody, VitalsBody } from '../api/keys';

const ROUTES: { value: PrescriptionLineBody['route']; label: string }[] = [
  { value: 'ORAL', label: 'Oral' },
  { value: 'SUBLINGUAL', label: 'Sublingual' },
  { value: 'INHALED', label: 'Inhaled' },
  { value: 'TOPICAL', label: 'Topical' },
  { value: 'INTRAVENOUS', label: 'Intravenous' },
  { value: 'INTRAMUSCULAR', label: 'Intramuscular' },
  { value: 'SUBCUTANEOUS', label: 'Subcutaneous' },
  { value: 'RECTAL', label: 'Rectal' },
  { value: 'EYE', label: 'Eye drops' },
  { value: 'EAR', label: 'Ear drops' },
  { value: 'NASAL', label: 'Nasal' },
];

// Each vital sign: its field, label and plausible range (the API refuses values outside).
const VITALS: { name: keyof VitalsBody; label: string; min: number; max: number; decimal?: boolean }[] =
  [
    { name: 'systolic_mmhg', label: 'Systolic (mmHg)', min: 50, max: 300 },
    { name: 'diastolic_mmhg', label: 'Diastolic (mmHg)', min: 20, max: 200 },
    { name: 'pulse_per_min', label: 'Pulse (/min)', min: 20, max: 250 },
    { name: 'temperature_c', label: 'Temperature (°C)', min: 25, max: 45, decimal: true },
    { name: 'spo2_percent', label: 'SpO₂ (%)', min: 50, max: 100 },
    { name: 'respiratory_rate_per_min', label: 'Respiratory rate (/min)', min: 4, max: 80 },
    { name: 'weight_kg', label: 'Weight (kg)', min: 0.3, max: 500, decimal: true },
    { name: 'height_cm', label: 'Height (cm)', min: 20, max: 280, decimal: true },
  ];

type VitalValues = Partial<Record<keyof VitalsBody, number | string>>;

const EMPTY_LINE: PrescriptionLineBody = {
  medicine: '',
  strength: '',
  dose: '',
  route: 'ORAL',
  frequency: '',
  duration_days: 5,
  instructions: '',
};

function vitalsOf(values: VitalValues): VitalsBody | null {
  const body: Record<string, number | string> = {};
  for (const vital of VITALS) {
    const value = values[vital.name];
    if (value === undefined || value === '') continue;
    body[vital.name] = vital.decimal ? String(value) : Number(value);
  }
  return Object.keys(body).length === 0 ? null : body;
}

interface VisitNoteFormProps {
  note: VisitNote | null;
  pending: boolean;
  error: unknown;
  onSave: (body: VisitNoteBody) => void;
}

/** The draft of a visit note: the note itself, the vitals and the prescription editor. */
export function VisitNoteForm({ note, pending, error, onSave }: VisitNoteFormProps) {
  const [text, setText] = useState({
    chief_complaint: note?.chief_complaint ?? '',
    findings: note?.findings ?? '',
    diagnosis: note?.diagnosis ?? '',
    icd10_code: note?.icd10_code ?? '',
    plan: note?.plan ?? '',
  });
  const [vitals, setVitals] = useState<VitalValues>(() => {
    const values: VitalValues = {};
    for (const vital of VITALS) {
      const stored = note?.vitals?.[vital.name];
      if (stored !== null && stored !== undefined) values[vital.name] = stored;
    }
    return values;
  });
  const [lines, setLines] = useState<PrescriptionLineBody[]>(
    note?.prescription?.lines.map((line) => ({ ...line })) ?? [],
  );
  const errors = fieldErrors(error);
  const setLine = (index: number, change: Partial<PrescriptionLineBody>) => {
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...change } : line)));
  };
  const textField = (name: keyof typeof text) => ({
    value: text[name],
    error: errors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const { value } = event.currentTarget;
      setText((current) => ({ ...current, [name]: value }));
    },
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ ...text, vitals: vitalsOf(vitals), prescription_lines: lines });
      }}
    >
      <Stack gap="md">
        <FormError
          error={error}
          shownFields={Object.keys(errors).filter(
            (name) =>
              name in text ||
              name.startsWith('vitals.') ||
              /^prescription_lines\[\d+\]\.(medicine|strength|dose|frequency|duration_days)$/.test(
                name,
              ),
          )}
        />
        <Textarea label="Chief complaint" maxLength={1000} autosize {...textField('chief_complaint')} />
        <Textarea label="Findings" maxLength={4000} autosize minRows={2} {...textField('findings')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Diagnosis" maxLength={500} {...textField('diagnosis')} />
          <TextInput
            label="ICD-10 code (optional)"
            description="For example I10 or I21.4"
            maxLength={8}
            {...textField('icd10_code')}
          />
        </SimpleGrid>
        <Textarea label="Plan" maxLength={4000} autosize minRows={2} {...textField('plan')} />

        <Fieldset legend="Vitals">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {VITALS.map((vital) => (
              <NumberInput
                key={vital.name}
                label={vital.label}
                min={vital.min}
                max={vital.max}
                decimalScale={vital.decimal ? 1 : 0}
                allowDecimal={vital.decimal === true}
                value={vitals[vital.name] ?? ''}
                error={errors[`vitals.${vital.name}`] ?? errors[vital.name]}
                onChange={(value) => {
                  setVitals((current) => ({ ...current, [vital.name]: value }));
                }}
              />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Prescription">
          <Stack gap="sm">
            {lines.length === 0 && (
              <Text size="sm" c="dimmed">
                No medicines prescribed.
              </Text>
            )}
            {lines.map((line, index) => {
              const at = (field: string) => errors[`prescription_lines[${String(index)}].${field}`];
              const n = String(index + 1);
              return (
                <Stack key={index} gap="xs">
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={`Medicine ${n}`}
                      maxLength={200}
                      value={line.medicine}
                      error={at('medicine')}
                      onChange={(event) => {
                        setLine(index, { medicine: event.currentTarget.value });
                      }}
                    />
                    <TextInput
                      label={`Strength ${n}`}
                      maxLength={50}
                      value={line.strength}
                      error={at('strength')}
                      onChange={(event) => {
                        setLine(index, { strength: event.currentTarget.value });
                      }}
                    />
                    <TextInput
                      label={`Dose ${n}`}
                      maxLength={50}
                      value={line.dose}
                      error={at('dose')}
                      onChange={(event) => {
                        setLine(index, { dose: event.currentTarget.value });
                      }}
                    />
                    <NativeSelect
                      label={`Route ${n}`}
                      data={ROUTES}
                      value={line.route}
                      onChange={(event) => {
                        setLine(index, {
                          route: event.currentTarget.value as PrescriptionLineBody['route'],
                        });
                      }}
                    />
                    <TextInput
                      label={`Frequency ${n}`}
                      maxLength={50}
                      value={line.frequency}
                      error={at('frequency')}
                      onChange={(event) => {
                        setLine(index, { frequency: event.currentTarget.value });
                      }}
                    />
                    <NumberInput
                      label={`Days ${n}`}
                      min={1}
                      max={365}
                      allowDecimal={false}
                      value={line.duration_days}
                      error={at('duration_days')}
                      onChange={(value) => {
                        setLine(index, { duration_days: Number(value) || 0 });
                      }}
                    />
                  </SimpleGrid>
                  <Group align="flex-end">
                    <TextInput
                      style={{ flex: 1 }}
                      label={`Instructions ${n}`}
                      maxLength={500}
                      value={line.instructions}
                      onChange={(event) => {
                        setLine(index, { instructions: event.currentTarget.value });
                      }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      aria-label={`Remove medicine ${n}`}
                      onClick={() => {
                        setLines((current) => current.filter((_, i) => i !== index));
                      }}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                </Stack>
              );
            })}
            <Group>
              <Button
                variant="default"
                onClick={() => {
                  setLines((current) => [...current, { ...EMPTY_LINE }]);
                }}
              >
                Add medicine
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            Save draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
