import type { MeetingList } from '@vroegsignaal/shared/api/meetings';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const meetingsQueryOptions = () =>
  queryOptions({ queryKey: ['meetings'], queryFn: ({ signal }) => api.get<MeetingList>(endpointUrl('meetings'), { signal }) });
