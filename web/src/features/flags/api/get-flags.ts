import type { FlagsPage, FlagsSearchBody } from '@vroegsignaal/shared/api/flags';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A page of a run's flags. Sent as a POST body: the address search never becomes part of a URL. */
export const flagsQueryOptions = (runId: number, body: FlagsSearchBody) =>
  queryOptions({
    queryKey: ['flags', runId, body],
    queryFn: ({ signal }) => api.post<FlagsPage>(endpointUrl('flagsSearch', { runId }), body, { signal }),
    placeholderData: keepPreviousData,
  });
