import type { Meeting, MeetingRecordBody } from '@vroegsignaal/shared/api/meetings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Records the meeting's advice, regisseur and next step for one family (moves its triage). */
export function useRecordAdvice(meetingId: number, itemId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingRecordBody) => api.post<Meeting>(endpointUrl('meetingRecord', { meetingId, itemId }), body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      await queryClient.invalidateQueries({ queryKey: ['household'] });
      await queryClient.invalidateQueries({ queryKey: ['flags'] });
    },
  });
}
