import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { SourceView } from './source-types.ts';

export const sourcesQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'sources'], queryFn: ({ signal }) => api.get<SourceView[]>('/api/sources', { signal }), refetchInterval: 60_000 });
