import type { WeekAggregate } from '@vroegsignaal/shared/api/aggregates';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Flags per weekly run (new, persisting, dropped), oldest first. */
export const weeksQueryOptions = () =>
  queryOptions({ queryKey: ['aggregates', 'weeks'], queryFn: ({ signal }) => api.get<WeekAggregate[]>(endpointUrl('aggregateWeeks'), { signal }) });
