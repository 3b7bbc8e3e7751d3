import type { IndicatorsAggregate } from '@vroegsignaal/shared/api/aggregates';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Flags per indicator and per leefgebied in one run (the newest when run is undefined). */
export const indicatorsQueryOptions = (run?: number) =>
  queryOptions({
    queryKey: ['aggregates', 'indicators', run ?? 'newest'],
    queryFn: ({ signal }) => api.get<IndicatorsAggregate>(endpointUrl('aggregateIndicators'), { query: { run }, signal }),
    staleTime: 10 * 60_000,
  });
