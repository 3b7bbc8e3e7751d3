import type { JobRunItem } from '@vroegsignaal/shared/api/operations';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const jobRunsQueryOptions = () =>
  queryOptions({
    queryKey: ['admin', 'jobs'],
    queryFn: ({ signal }) => api.get<JobRunItem[]>(endpointUrl('jobs'), { query: { limit: 200 }, signal }),
    refetchInterval: 60_000,
  });
