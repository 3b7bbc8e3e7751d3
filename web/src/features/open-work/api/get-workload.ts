import type { Workload } from '@vroegsignaal/shared/api/open-work';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const workloadQueryOptions = () =>
  queryOptions({ queryKey: ['workload'], queryFn: ({ signal }) => api.get<Workload>(endpointUrl('workload'), { signal }) });
