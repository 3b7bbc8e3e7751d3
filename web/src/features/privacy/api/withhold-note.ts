import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useWithholdNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, triageEventId, ground }: { requestId: number; triageEventId: number; ground: string }) =>
      api.post<unknown>(endpointUrl('withholdNote', { requestId }), { triage_event_id: triageEventId, ground }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
