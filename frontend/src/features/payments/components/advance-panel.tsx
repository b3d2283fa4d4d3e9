import { Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';

import { LoadError } from '@/components/list-states';
import { PanelLoader } from '@/components/panel-loader';
import { notifySuccess } from '@/lib/notify';
import { idFrom } from '@/lib/use-url-params';

import { useReceipts } from '../api/get-receipts';
import { useTakeAdvance } from '../api/take-advance';
import { MoneyForm } from './money-form';
import { ReceiptsTable } from './receipts-table';

/** Advances on the admin's admission page: take one while admitted; the discharge applies them. */
export function AdvancePanel() {
  const id = idFrom(useParams().admissionId);
  if (id === null) return null;
  return <Advances id={id} />;
}

function Advances({ id }: { id: number }) {
  const receipts = useReceipts({ admission: id });
  const take = useTakeAdvance(id);
  if (receipts.isPending) return <PanelLoader label="Loading the advances…" />;
  if (receipts.isError) {
    return <LoadError what="the advances" error={receipts.error} onRetry={receipts.refetch} />;
  }
  const advances = receipts.data.results.filter((receipt) => receipt.kind === 'ADVANCE');
  return (
    <Paper withBorder p="lg" maw={760}>
      <Stack gap="md">
        <Title order={2} size="h4">
          Advance payments
        </Title>
        <Text size="sm" c="dimmed">
          Advances taken during the stay are applied to the invoice at discharge.
        </Text>
        <MoneyForm
          submitLabel="Take advance"
          pending={take.isPending}
          error={take.error}
          onSubmit={async (body, key) => {
            try {
              const receipt = await take.mutateAsync({ body, key });
              notifySuccess('Advance taken', `Receipt ${receipt.number} was issued.`);
              return true;
            } catch {
              return false;
            }
          }}
        />
        <ReceiptsTable receipts={advances} />
      </Stack>
    </Paper>
  );
}
