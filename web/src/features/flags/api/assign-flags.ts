import type { AssignmentBody } from '@vroegsignaal/shared/api/triage';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface AssignInput {
  flagIds: readonly number[];
  assignedTo: string | null;
}

/** Assigns several flags one by one (the API takes one flag per request). */
export function useAssignFlags() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ flagIds, assignedTo }: AssignInput) => {
      for (const flagId of flagIds) {
        const body: AssignmentBody = { assigned_to: assignedTo };
        await api.post(endpointUrl('triageAssignment', { flagId }), body);
      }
      return flagIds.length;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['flags'] }),
  });
}
