import type { QuarantinePage } from '@vroegsignaal/shared/api/admin';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const quarantineQueryOptions = (ingestRun: number | undefined, page: number) =>
  queryOptions({
    queryKey: ['admin', 'quarantine', ingestRun ?? 'all', page],
    queryFn: ({ signal }) => api.get<QuarantinePage>(endpointUrl('quarantine'), { query: { ingest_run: ingestRun, page, page_size: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
