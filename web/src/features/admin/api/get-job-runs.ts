import type { JobRunPage, JobsQuery } from '@vroegsignaal/shared/api/operations';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** One page of the scheduler's job runs, filtered on the server. */
export const jobRunsQueryOptions = (query: JobsQuery) =>
  queryOptions({
    queryKey: ['admin', 'jobs', query],
    queryFn: ({ signal }) => api.get<JobRunPage>(endpointUrl('jobs'), { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
