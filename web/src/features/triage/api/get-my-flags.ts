import type { FlagsPage } from '@vroegsignaal/shared/api/flags';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The flags assigned to me in a run, longest on the list first. */
export const myFlagsQueryOptions = (runId: number, page: number) =>
  queryOptions({
    queryKey: ['flags', runId, 'mine', page],
    queryFn: ({ signal }) =>
      api.get<FlagsPage>(endpointUrl('flags', { runId }), {
        query: { assigned_to_me: true, sort: 'weeks_on_list', order: 'desc', page, page_size: 50 },
        signal,
      }),
  });
