import type { FlagsPage, FlagsSearchBody } from '@vroegsignaal/shared/api/flags';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A page of a run's flags. Sent as a POST body: the address search never becomes part of a URL. */
export const flagsQueryOptions = (runId: number, body: FlagsSearchBody) =>
  queryOptions({
    queryKey: ['flags', runId, body],
    // No abort signal: with one, React Query cancels the request when the list unmounts while it
    // runs (StrictMode's test mount does so on every load) and sends it again on remount; the
    // server has answered and audited the first one already, so one view became two reads.
    queryFn: () => api.post<FlagsPage>(endpointUrl('flagsSearch', { runId }), body),
    placeholderData: keepPreviousData,
  });
