import type { SignalSource } from '@vroegsignaal/shared/api/privacy';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const signalSourcesQueryOptions = () =>
  queryOptions({ queryKey: ['privacy', 'sources'], queryFn: ({ signal }) => api.get<SignalSource[]>(endpointUrl('signalSources'), { signal }) });
