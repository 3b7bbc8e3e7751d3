import type { AgendaBody, Meeting } from '@vroegsignaal/shared/api/meetings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';
import { meetingsQueryOptions } from './get-meetings.ts';

interface AgendaInput {
  meetingId: number;
  flagIds: readonly number[];
}

/** How many families went onto the agenda, and how many were on it already. */
export interface AgendaTally {
  added: number;
  already: number;
}

/** A request failed part-way: the tally says what happened before it. */
export class AgendaPartialError extends Error {
  constructor(
    readonly failure: unknown,
    readonly tally: AgendaTally,
  ) {
    super('agenda partially updated');
  }
}

/**
 * Puts several families on a meeting's agenda one by one (the API takes one flag per request).
 * The API leaves a family already on the agenda alone, so a family counts as added when the
 * agenda in the response grew; the first comparison is with the family count of the fresh list.
 */
export function useAddFlagsToAgenda() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ meetingId, flagIds }: AgendaInput): Promise<AgendaTally> => {
      const tally: AgendaTally = { added: 0, already: 0 };
      try {
        const list = await queryClient.fetchQuery({ ...meetingsQueryOptions(), staleTime: 0 });
        let before = list.find((m) => m.id === meetingId)?.families ?? 0;
        for (const flagId of flagIds) {
          const body: AgendaBody = { flag_id: flagId };
          const after = (await api.post<Meeting>(endpointUrl('meetingAgenda', { meetingId }), body)).items.length;
          if (after > before) tally.added += 1;
          else tally.already += 1;
          before = after;
        }
      } catch (error) {
        throw new AgendaPartialError(error, tally);
      }
      return tally;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
