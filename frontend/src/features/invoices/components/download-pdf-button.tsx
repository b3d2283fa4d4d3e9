import { Button } from '@mantine/core';

import { notifyError, notifySuccess } from '@/lib/notify';

import { useDownloadInvoicePdf } from '../api/download-invoice-pdf';

interface DownloadPdfButtonProps {
  invoice: { id: number; number: string };
  size?: 'xs' | 'sm';
  /** In a table row, name the invoice for screen readers. */
  withNumber?: boolean;
}

/** Fetch the invoice PDF with the access token and save it. */
export function DownloadPdfButton({ invoice, size = 'sm', withNumber = false }: DownloadPdfButtonProps) {
  const download = useDownloadInvoicePdf();
  return (
    <Button
      size={size}
      variant={size === 'xs' ? 'light' : 'filled'}
      loading={download.isPending}
      aria-label={withNumber ? `Download invoice ${invoice.number} (PDF)` : undefined}
      onClick={() => {
        if (download.isPending) return;
        download.mutate(invoice, {
          onSuccess: (name) => {
            notifySuccess('PDF downloaded', `${name} was saved.`);
          },
          onError: (error) => {
            notifyError(`Could not download ${invoice.number}`, error);
          },
        });
      }}
    >
      Download PDF
    </Button>
  );
}
