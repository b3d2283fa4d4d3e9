import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { attachmentName, saveBlob } from '@/lib/save-blob';

export type MoneyDocument =
  | { kind: 'receipt'; id: number; number: string }
  | { kind: 'statement'; id: number; number: string }
  | { kind: 'collections-csv'; query: { date_from?: string; date_to?: string } }
  | { kind: 'outstanding-csv'; query: { as_of?: string } };

async function fetchDocument(document: MoneyDocument) {
  switch (document.kind) {
    case 'receipt':
      return api.GET('/api/v1/payments/{id}/pdf/', {
        params: { path: { id: document.id } },
        parseAs: 'blob',
      });
    case 'statement':
      return api.GET('/api/v1/invoices/{id}/statement/', {
        params: { path: { id: document.id } },
        parseAs: 'blob',
      });
    case 'collections-csv':
      return api.GET('/api/v1/reports/collections/csv/', {
        params: { query: document.query },
        parseAs: 'blob',
      });
    case 'outstanding-csv':
      return api.GET('/api/v1/reports/outstanding/csv/', {
        params: { query: document.query },
        parseAs: 'blob',
      });
  }
}

/**
 * Download a receipt, a statement or a report through the API client (it carries the in-memory
 * access token) and save it under the name the server gives it.
 */
export function useDownloadDocument() {
  return useMutation({
    mutationFn: async (document: MoneyDocument) => {
      const { data, error, response } = await fetchDocument(document);
      if (data === undefined || !response.ok) throw new ApiError(response.status, error);
      const name = attachmentName(response.headers.get('Content-Disposition')) ?? 'download';
      saveBlob(data, name);
      return name;
    },
  });
}
