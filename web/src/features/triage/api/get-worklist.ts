import type { FlagsPage, FlagsSearchBody } from '@vroegsignaal/shared/api/flags';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** A page of the flags in my wijken (the server limits them). A POST: the address search stays out of every URL. */
export const worklistQueryOptions = (runId: number, body: FlagsSearchBody) =>
  queryOptions({
    queryKey: ['flags', runId, 'worklist', body],
    // No abort signal: with one, React Query cancels the request when the list unmounts while it
    // runs (StrictMode's test mount does so on every load) and sends it again on remount; the
    // server has answered and audited the first one already, so one view became two reads.
    queryFn: () => api.post<FlagsPage>(endpointUrl('flagsSearch', { runId }), body),
    placeholderData: keepPreviousData,
  });
