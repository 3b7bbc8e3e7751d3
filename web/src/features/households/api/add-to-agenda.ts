import type { AgendaBody, Meeting } from '@vroegsignaal/shared/api/meetings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Puts this family on the agenda of a zorgnetwerk meeting. */
export function useAddToAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, body }: { meetingId: number; body: AgendaBody }) => api.post<Meeting>(endpointUrl('meetingAgenda', { meetingId }), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
