import type { NoteBody, OutcomeBody, StatusBody } from '@vroegsignaal/shared/api/triage';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

function useTriageMutation<B>(flagId: number, endpoint: 'triageStatus' | 'triageNote' | 'triageOutcome') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<unknown>(endpointUrl(endpoint, { flagId }), body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['household', flagId] });
      await queryClient.invalidateQueries({ queryKey: ['flags'] });
    },
  });
}

export const useChangeStatus = (flagId: number) => useTriageMutation<StatusBody>(flagId, 'triageStatus');
export const useAddNote = (flagId: number) => useTriageMutation<NoteBody>(flagId, 'triageNote');
export const useRecordOutcome = (flagId: number) => useTriageMutation<OutcomeBody>(flagId, 'triageOutcome');
