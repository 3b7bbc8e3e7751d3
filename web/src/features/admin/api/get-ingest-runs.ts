import type { IngestRunPage } from '@vroegsignaal/shared/api/admin';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const ingestRunsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['admin', 'ingest-runs', page],
    queryFn: ({ signal }) => api.get<IngestRunPage>(endpointUrl('ingestRuns'), { query: { page, page_size: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
