import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useEffect } from 'react';

import { fieldErrors } from '@/lib/api/errors';
import { optionalText, requiredText, validateWith, z } from '@/lib/forms';

import { FormError } from './form-error';

interface ReasonModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** The API requires a reason (appointments) or only keeps one (accounts). */
  reasonRequired: boolean;
  /** Who sees the reason, under the field. */
  reasonDescription?: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  pending: boolean;
  /** The last failed attempt (a mutation's `error`). */
  error: unknown;
}

/** The reason form's schema: the reason is required for some refusals, kept if given for others. */
export function reasonSchema(reasonRequired: boolean) {
  return z.object({ reason: reasonRequired ? requiredText('Give a reason.') : optionalText() });
}

/** Ask for a reason before a refusal (reject, cancel) and confirm it. */
export function ReasonModal({
  opened,
  onClose,
  title,
  description,
  reasonRequired,
  reasonDescription,
  confirmLabel,
  onConfirm,
  pending,
  error,
}: ReasonModalProps) {
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: validateWith(reasonSchema(reasonRequired)),
  });
  const { reset, setErrors } = form;

  useEffect(() => {
    if (!opened) reset();
  }, [opened, reset]);

  useEffect(() => {
    setErrors(fieldErrors(error));
  }, [error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (pending) return;
    onConfirm(reasonSchema(reasonRequired).parse(values).reason);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {description !== undefined && <Text size="sm">{description}</Text>}
          <FormError error={error} shownFields={['reason']} title="Not done" />
          <Textarea
            label="Reason"
            description={
              reasonDescription ??
              (reasonRequired ? undefined : 'Optional; kept for the hospital’s records.')
            }
            required={reasonRequired}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Back
            </Button>
            <Button type="submit" color="red.9" loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
