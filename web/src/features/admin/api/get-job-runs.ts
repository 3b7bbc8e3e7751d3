import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { JobRunView } from './source-types.ts';

export const jobRunsQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'jobs'], queryFn: ({ signal }) => api.get<JobRunView[]>('/api/jobs', { signal }), refetchInterval: 60_000 });
