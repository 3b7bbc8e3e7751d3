import type { Meeting } from '@vroegsignaal/shared/api/meetings';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A meeting with its agenda. The server logs which households it showed. */
export const meetingQueryOptions = (meetingId: number) =>
  queryOptions({ queryKey: ['meetings', meetingId], queryFn: ({ signal }) => api.get<Meeting>(endpointUrl('meeting', { meetingId }), { signal }) });
