import type { RequestDetail } from '@vroegsignaal/shared/api/privacy';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const accessRequestQueryOptions = (requestId: number) =>
  queryOptions({
    queryKey: ['privacy', 'requests', requestId],
    queryFn: ({ signal }) => api.get<RequestDetail>(endpointUrl('accessRequest', { requestId }), { signal }),
  });
