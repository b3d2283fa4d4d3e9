import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

interface DownloadInvoicePdfInput {
  invoiceId: number;
  /** The invoice number, for the file name. */
  number: string;
}

/** Hand a downloaded file to the browser's "save" as if it were a link to it. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; let it read the object first.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

/**
 * Download the invoice PDF. It is fetched through the API client (a link could not carry the
 * access token, which lives only in memory) and saved from a Blob.
 */
export function useDownloadInvoicePdf() {
  return useMutation({
    mutationFn: async ({ invoiceId, number }: DownloadInvoicePdfInput) => {
      const blob = unwrap(
        await api.GET('/api/v1/invoices/{invoice_id}/pdf/', {
          params: { path: { invoice_id: invoiceId } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob, `invoice-${number}.pdf`);
      return blob;
    },
  });
}
