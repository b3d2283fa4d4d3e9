import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { queryKeys } from '@/lib/query-keys';

import { type VisitNoteBody } from './keys';

interface SaveVisitNoteInput {
  appointmentId: number;
  /** The draft's id once it exists (then the draft is replaced whole). */
  noteId: number | null;
  body: VisitNoteBody;
}

/** Start the visit note of an appointment, or replace its draft. */
export function useSaveVisitNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ appointmentId, noteId, body }: SaveVisitNoteInput) =>
      noteId === null
        ? unwrap(
            await api.POST('/api/v1/clinical/visit-notes/', {
              body: { ...body, appointment: appointmentId },
            }),
          )
        : unwrap(
            await api.PUT('/api/v1/clinical/visit-notes/{id}/', {
              params: { path: { id: noteId } },
              body,
            }),
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.clinical.all });
    },
  });
}
