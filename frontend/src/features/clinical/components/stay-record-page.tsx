import { Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';

import { ConfirmModal } from '@/components/confirm-modal';
import { DateField } from '@/components/date-field';
import { FormError } from '@/components/form-error';
import { LoadError } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { PageLoader } from '@/components/page-loader';
import { paths } from '@/config/paths';
import { fieldErrors } from '@/lib/api/errors';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useCreateProgressNote } from '../api/create-progress-note';
import { useDownloadDocumentPdf } from '../api/download-document-pdf';
import { useStayDocuments } from '../api/get-stay-documents';
import type { DischargeSummary, DischargeSummaryBody, ProgressNote } from '../api/keys';
import { useSaveDischargeSummary } from '../api/save-discharge-summary';
import { type SignableKind, useSignDocument } from '../api/sign-document';

import { Addenda } from './addenda';
import { DocumentStatusBadge } from './document-status';

const SUMMARY_FIELDS: { name: keyof DischargeSummaryBody; label: string; max: number }[] = [
  { name: 'diagnosis', label: 'Diagnosis', max: 500 },
  { name: 'course_in_hospital', label: 'Course in hospital', max: 8000 },
  { name: 'procedures', label: 'Procedures', max: 4000 },
  { name: 'medicines_to_continue', label: 'Medicines to continue', max: 4000 },
  { name: 'advice', label: 'Advice', max: 4000 },
];

function SignButton({ kind, id, what }: { kind: SignableKind; id: number; what: string }) {
  const sign = useSignDocument();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        color="blue.9"
        onClick={() => {
          setOpened(true);
        }}
      >
        Sign {what}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={() => {
          if (!sign.isPending) setOpened(false);
        }}
        title={`Sign this ${what}?`}
        confirmLabel="Sign"
        color="blue.9"
        pending={sign.isPending}
        error={sign.error}
        onConfirm={() => {
          sign.mutate(
            { kind, id },
            {
              onSuccess: () => {
                setOpened(false);
                notifySuccess('Signed', `The ${what} is final; corrections are addenda.`);
              },
            },
          );
        }}
      >
        A signed document can never be changed. The saved draft is what gets signed.
      </ConfirmModal>
    </>
  );
}

function DischargeSummaryPanel({
  admissionId,
  summary,
}: {
  admissionId: number;
  summary: DischargeSummary | null;
}) {
  const save = useSaveDischargeSummary();
  const download = useDownloadDocumentPdf();
  const [values, setValues] = useState<DischargeSummaryBody>({
    diagnosis: summary?.diagnosis ?? '',
    icd10_code: summary?.icd10_code ?? '',
    course_in_hospital: summary?.course_in_hospital ?? '',
    procedures: summary?.procedures ?? '',
    medicines_to_continue: summary?.medicines_to_continue ?? '',
    advice: summary?.advice ?? '',
    follow_up_on: summary?.follow_up_on ?? null,
  });
  const errors = fieldErrors(save.error);
  const signed = summary?.status === 'SIGNED';
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Discharge summary
        </Title>
        {summary !== null && <DocumentStatusBadge status={summary.status} />}
      </Group>
      {signed ? (
        <Stack gap="sm">
          {SUMMARY_FIELDS.map((field) => (
            <div key={field.name}>
              <Text size="sm" fw={600}>
                {field.label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {summary[field.name]}
              </Text>
            </div>
          ))}
          {summary.follow_up_on !== null && (
            <Text size="sm">Follow-up on {summary.follow_up_on}</Text>
          )}
          <Group>
            <Button
              variant="light"
              loading={download.isPending}
              onClick={() => {
                download.mutate({ kind: 'DISCHARGE_SUMMARY', id: summary.id });
              }}
            >
              Download discharge summary PDF
            </Button>
          </Group>
          <Addenda kind="discharge-summary" documentId={summary.id} addenda={summary.addenda} />
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(
              { admissionId, summaryId: summary?.id ?? null, body: values },
              {
                onSuccess: () => {
                  notifySuccess('Draft saved', 'Sign the summary once it is complete.');
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <FormError
              error={save.error}
              shownFields={[...SUMMARY_FIELDS.map((f) => f.name), 'icd10_code', 'follow_up_on']}
            />
            {SUMMARY_FIELDS.map((field) => (
              <Textarea
                key={field.name}
                label={field.label}
                maxLength={field.max}
                autosize
                minRows={field.name === 'diagnosis' ? 1 : 2}
                value={values[field.name] ?? ''}
                error={errors[field.name]}
                onChange={(event) => {
                  const { value } = event.currentTarget;
                  setValues((current) => ({ ...current, [field.name]: value }));
                }}
              />
            ))}
            <Group grow>
              <TextInput
                label="ICD-10 code (optional)"
                maxLength={8}
                value={values.icd10_code}
                error={errors.icd10_code}
                onChange={(event) => {
                  const { value } = event.currentTarget;
                  setValues((current) => ({ ...current, icd10_code: value }));
                }}
              />
              <DateField
                label="Follow-up date (optional)"
                value={values.follow_up_on ?? ''}
                error={errors.follow_up_on}
                onChange={(value) => {
                  setValues((current) => ({ ...current, follow_up_on: value || null }));
                }}
              />
            </Group>
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save draft
              </Button>
              {summary !== null && (
                <SignButton kind="discharge-summary" id={summary.id} what="discharge summary" />
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function ProgressNotes({ admissionId, notes }: { admissionId: number; notes: ProgressNote[] }) {
  const [text, setText] = useState('');
  const create = useCreateProgressNote();
  const format = useHospitalFormat();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Progress notes
      </Title>
      <Stack gap="sm">
        {notes.map((note) => (
          <Paper key={note.id} withBorder p="sm">
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {note.author_name}, {format.dateTime(note.signed_at ?? note.created_at)}
              </Text>
              <DocumentStatusBadge status={note.status} />
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.text}
            </Text>
            {note.status === 'DRAFT' ? (
              <SignButton kind="progress-note" id={note.id} what="progress note" />
            ) : (
              <Addenda kind="progress-note" documentId={note.id} addenda={note.addenda} />
            )}
          </Paper>
        ))}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              { admissionId, text },
              {
                onSuccess: () => {
                  setText('');
                },
              },
            );
          }}
        >
          <Stack gap="xs">
            <FormError error={create.error} shownFields={['text']} />
            <Textarea
              label="New progress note"
              maxLength={4000}
              autosize
              minRows={2}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
              }}
            />
            <Button type="submit" variant="light" loading={create.isPending} disabled={!text.trim()}>
              Save progress note draft
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** The doctor's record of one stay: `/doctor/stays/:admissionId`. */
export function StayRecordPage() {
  const { admissionId } = useParams();
  const id = Number(admissionId);
  const documents = useStayDocuments(id);
  const header = (
    <PageHeader
      title="Hospital stay"
      description="Progress notes and the discharge summary of this stay."
      back={{ to: paths.doctor.patients.getHref(), label: 'My patients' }}
    />
  );
  if (documents.isPending) return <PageLoader label="Loading the stay…" />;
  if (documents.isError) {
    return (
      <>
        {header}
        <LoadError error={documents.error} what="the stay" onRetry={documents.refetch} />
      </>
    );
  }
  const { summary, progressNotes } = documents.data;
  return (
    <>
      {header}
      <Stack gap="lg" maw={900}>
        <DischargeSummaryPanel
          key={summary?.updated_at ?? 'new'}
          admissionId={id}
          summary={summary}
        />
        <ProgressNotes admissionId={id} notes={progressNotes} />
      </Stack>
    </>
  );
}
