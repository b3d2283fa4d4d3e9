import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { saveBlob } from '@/lib/save-blob';

interface DownloadInvoicePdfInput {
  invoiceId: number;
  /** The invoice number, for the file name. */
  number: string;
}

/**
 * Download the invoice PDF. It is fetched through the API client (a link could not carry the
 * access token, which lives only in memory) and saved from a Blob.
 */
export function useDownloadInvoicePdf() {
  return useMutation({
    mutationFn: async ({ invoiceId, number }: DownloadInvoicePdfInput) => {
      const blob = unwrap(
        await api.GET('/api/v1/invoices/{id}/pdf/', {
          params: { path: { id: invoiceId } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob, `invoice-${number}.pdf`);
      return blob;
    },
  });
}
