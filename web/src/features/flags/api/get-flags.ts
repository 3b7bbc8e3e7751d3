import type { FlagsPage, FlagsQuery } from '@vroegsignaal/shared/api/flags';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const flagsQueryOptions = (runId: number, query: FlagsQuery) =>
  queryOptions({
    queryKey: ['flags', runId, query],
    queryFn: ({ signal }) => api.get<FlagsPage>(endpointUrl('flags', { runId }), { query, signal }),
    placeholderData: keepPreviousData,
  });
