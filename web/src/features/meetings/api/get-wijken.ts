import type { WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The wijk names for the filter, from the per-wijk aggregate. */
export const wijkNamesQueryOptions = () =>
  queryOptions({
    queryKey: ['aggregates', 'wijken', 'names'],
    queryFn: async ({ signal }) => {
      const result = await api.get<WijkenAggregate>(endpointUrl('aggregateWijken'), { signal });
      return result.wijken.map((w) => w.wijk).sort((a, b) => a.localeCompare(b, 'nl'));
    },
    staleTime: 10 * 60_000,
  });
