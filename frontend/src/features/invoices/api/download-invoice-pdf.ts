import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { attachmentName, saveBlob } from '@/lib/save-blob';

/**
 * Download an invoice's PDF through the API client (it carries the in-memory access token) and
 * save it as a file named like the server names it (`invoice-<number>.pdf`).
 */
export function useDownloadInvoicePdf() {
  return useMutation({
    mutationFn: async ({ id, number }: { id: number; number: string }) => {
      const { data, error, response } = await api.GET('/api/v1/invoices/{id}/pdf/', {
        params: { path: { id } },
        parseAs: 'blob',
      });
      if (data === undefined || !response.ok) throw new ApiError(response.status, error);
      const name =
        attachmentName(response.headers.get('Content-Disposition')) ?? `invoice-${number}.pdf`;
      saveBlob(data, name);
      return name;
    },
  });
}
