import type { AssignmentBody } from '@vroegsignaal/shared/api/triage';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Assigns the household's triage to a wijkteam member, or withdraws it (`assigned_to: null`). */
export function useAssignHousehold(flagId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignmentBody) => api.post<unknown>(endpointUrl('triageAssignment', { flagId }), body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['household', flagId] });
      await queryClient.invalidateQueries({ queryKey: ['flags'] });
    },
  });
}
