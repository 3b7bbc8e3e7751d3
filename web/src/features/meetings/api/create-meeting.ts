import type { Meeting, NewMeetingBody } from '@vroegsignaal/shared/api/meetings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeetingBody) => api.post<Meeting>(endpointUrl('meetingCreate'), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
