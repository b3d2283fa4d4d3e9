import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { saveBlob } from '@/lib/save-blob';

export type PdfKind = 'PRESCRIPTION' | 'DISCHARGE_SUMMARY';

/**
 * Download a signed prescription's or discharge summary's PDF, through the API client (a link
 * could not carry the access token, which lives only in memory).
 */
export function useDownloadDocumentPdf() {
  return useMutation({
    mutationFn: async ({ kind, id }: { kind: PdfKind; id: number }) => {
      const request = { params: { path: { id } }, parseAs: 'blob' as const };
      const blob =
        kind === 'PRESCRIPTION'
          ? unwrap(await api.GET('/api/v1/clinical/prescriptions/{id}/pdf/', request))
          : unwrap(await api.GET('/api/v1/clinical/discharge-summaries/{id}/pdf/', request));
      const name = kind === 'PRESCRIPTION' ? 'prescription' : 'discharge-summary';
      saveBlob(blob, `${name}-${String(id)}.pdf`);
      return blob;
    },
  });
}
