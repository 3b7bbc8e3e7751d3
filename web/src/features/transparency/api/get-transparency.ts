import type { Transparency } from '@vroegsignaal/shared/api/transparency';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const transparencyQueryOptions = () =>
  queryOptions({ queryKey: ['transparency'], queryFn: ({ signal }) => api.get<Transparency>(endpointUrl('transparency'), { signal }) });
