import type { SourceItem } from '@vroegsignaal/shared/api/operations';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const sourcesQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'sources'], queryFn: ({ signal }) => api.get<SourceItem[]>(endpointUrl('sources'), { signal }), refetchInterval: 60_000 });
