import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { paths } from '@/lib/api/schema';
import { attachmentName, saveBlob } from '@/lib/save-blob';

export type AuditExportQuery = NonNullable<
  paths['/api/v1/audit-events/export/']['get']['parameters']['query']
>;

/** Download the filtered audit log as CSV (through the client: it carries the token). */
export function useExportAuditEvents() {
  return useMutation({
    mutationFn: async (query: AuditExportQuery) => {
      const { data, error, response } = await api.GET('/api/v1/audit-events/export/', {
        params: { query },
        parseAs: 'blob',
      });
      if (data === undefined || !response.ok) throw new ApiError(response.status, error);
      const name = attachmentName(response.headers.get('Content-Disposition')) ?? 'audit-events.csv';
      saveBlob(data, name);
      return name;
    },
  });
}
