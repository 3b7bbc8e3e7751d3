import type { AgendaBody } from '@vroegsignaal/shared/api/meetings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface AgendaInput {
  meetingId: number;
  flagIds: readonly number[];
}

/** Puts several families on a meeting's agenda one by one (the API takes one flag per request). */
export function useAddFlagsToAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ meetingId, flagIds }: AgendaInput) => {
      for (const flagId of flagIds) {
        const body: AgendaBody = { flag_id: flagId };
        await api.post(endpointUrl('meetingAgenda', { meetingId }), body);
      }
      return flagIds.length;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
