import type { PrecisionAggregate } from '@vroegsignaal/shared/api/aggregates';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const precisionQueryOptions = () =>
  queryOptions({ queryKey: ['aggregates', 'precision'], queryFn: ({ signal }) => api.get<PrecisionAggregate>(endpointUrl('aggregatePrecision'), { signal }) });
