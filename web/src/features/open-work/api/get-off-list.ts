import type { OffList } from '@vroegsignaal/shared/api/open-work';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const offListQueryOptions = () =>
  queryOptions({ queryKey: ['flags', 'off-list'], queryFn: ({ signal }) => api.get<OffList>(endpointUrl('offList'), { signal }) });
