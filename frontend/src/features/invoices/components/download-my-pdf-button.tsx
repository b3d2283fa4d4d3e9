import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';

import { errorMessage } from '@/lib/api/errors';

import { useDownloadInvoicePdf } from '../api/download-my-invoice-pdf';

interface DownloadPdfButtonProps {
  invoiceId: number;
  number: string;
  variant?: 'filled' | 'default' | 'light';
}

export function DownloadPdfButton({ invoiceId, number, variant = 'filled' }: DownloadPdfButtonProps) {
  const download = useDownloadInvoicePdf();
  return (
    <Button
      variant={variant}
      loading={download.isPending}
      aria-label={`Download invoice ${number} (PDF)`}
      onClick={() => {
        if (download.isPending) return;
        download.mutate(
          { invoiceId, number },
          {
            onError: (error) => {
              notifications.show({
                color: 'red',
                title: 'Could not download the invoice',
                message: errorMessage(error),
              });
            },
          },
        );
      }}
    >
      Download PDF
    </Button>
  );
}
