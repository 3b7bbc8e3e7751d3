import type { QuarantinePage } from '@vroegsignaal/shared/api/admin';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Quarantined rows, of one delivery or of one source's deliveries when given. */
export const quarantineQueryOptions = (filter: { ingestRun?: number; source?: string }, page: number) =>
  queryOptions({
    queryKey: ['admin', 'quarantine', filter.ingestRun ?? 'all', filter.source ?? 'all', page],
    queryFn: ({ signal }) =>
      api.get<QuarantinePage>(endpointUrl('quarantine'), { query: { ingest_run: filter.ingestRun, source: filter.source, page, page_size: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
