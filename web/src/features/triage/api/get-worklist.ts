import type { FlagsPage, FlagsSearchBody } from '@vroegsignaal/shared/api/flags';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A page of the flags in my wijken (the server limits them). A POST: the address search stays out of every URL. */
export const worklistQueryOptions = (runId: number, body: FlagsSearchBody) =>
  queryOptions({
    queryKey: ['flags', runId, 'worklist', body],
    queryFn: ({ signal }) => api.post<FlagsPage>(endpointUrl('flagsSearch', { runId }), body, { signal }),
    placeholderData: keepPreviousData,
  });
