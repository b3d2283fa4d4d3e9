import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';

import { FormError } from '@/components/form-error';
import { fieldErrors } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';
import { requiredText, validateWith, z } from '@/lib/forms';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useAddAddendum } from '../api/add-addendum';
import type { SignableKind } from '../api/sign-document';

interface AddendaProps {
  kind: SignableKind;
  documentId: number;
  addenda: components['schemas']['Addendum'][];
}

/** An addendum: the text that corrects or completes a signed document. */
export const addendumSchema = z.object({
  text: requiredText('Write the addendum first.').check(z.maxLength(4000, 'At most 4000 characters.')),
});

/** A signed document's addenda, and a form to add one (the only way to correct it). */
export function Addenda({ kind, documentId, addenda }: AddendaProps) {
  const add = useAddAddendum();
  const form = useForm<z.input<typeof addendumSchema>>({
    initialValues: { text: '' },
    validate: validateWith(addendumSchema),
  });
  const { setErrors } = form;

  useEffect(() => {
    setErrors(fieldErrors(add.error));
  }, [add.error, setErrors]);

  const submit = form.onSubmit((values) => {
    if (add.isPending) return;
    add.mutate(
      { kind, id: documentId, ...addendumSchema.parse(values) },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess('Addendum signed', 'The addendum is part of the record.');
        },
      },
    );
  });
  const format = useHospitalFormat();
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Addenda
      </Title>
      {addenda.length === 0 && (
        <Text size="sm" c="dimmed">
          None. A signed document never changes; add an addendum to correct or complete it.
        </Text>
      )}
      {addenda.map((addendum) => (
        <Paper key={addendum.id} withBorder p="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {addendum.text}
          </Text>
          <Text size="xs" c="dimmed">
            {addendum.author_name}, {format.dateTime(addendum.signed_at)}
          </Text>
        </Paper>
      ))}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <FormError error={add.error} shownFields={['text']} />
          <Textarea
            label="New addendum"
            required
            maxLength={4000}
            autosize
            minRows={2}
            {...form.getInputProps('text')}
          />
          <Button type="submit" variant="light" loading={add.isPending}>
            Sign addendum
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
