import type { AccessRequestItem } from '@vroegsignaal/shared/api/privacy';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const accessRequestsQueryOptions = () =>
  queryOptions({ queryKey: ['privacy', 'requests'], queryFn: ({ signal }) => api.get<AccessRequestItem[]>(endpointUrl('accessRequests'), { signal }) });
