import type { WijkenAggregate } from '@vroegsignaal/shared/api/aggregates';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const wijkenQueryOptions = () =>
  queryOptions({ queryKey: ['aggregates', 'wijken'], queryFn: ({ signal }) => api.get<WijkenAggregate>(endpointUrl('aggregateWijken'), { signal }) });
