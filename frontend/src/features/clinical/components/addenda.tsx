import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';

import { FormError } from '@/components/form-error';
import type { components } from '@/lib/api/schema';
import { useHospitalFormat } from '@/lib/hospital';
import { notifySuccess } from '@/lib/notify';

import { useAddAddendum } from '../api/add-addendum';
import type { SignableKind } from '../api/sign-document';

interface AddendaProps {
  kind: SignableKind;
  documentId: number;
  addenda: components['schemas']['Addendum'][];
}

/** A signed document's addenda, and a form to add one (the only way to correct it). */
export function Addenda({ kind, documentId, addenda }: AddendaProps) {
  const [text, setText] = useState('');
  const add = useAddAddendum();
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
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate(
            { kind, id: documentId, text },
            {
              onSuccess: () => {
                setText('');
                notifySuccess('Addendum signed', 'The addendum is part of the record.');
              },
            },
          );
        }}
      >
        <Stack gap="xs">
          <FormError error={add.error} shownFields={['text']} />
          <Textarea
            label="New addendum"
            value={text}
            maxLength={4000}
            autosize
            minRows={2}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
          />
          <Button type="submit" variant="light" loading={add.isPending} disabled={!text.trim()}>
            Sign addendum
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
