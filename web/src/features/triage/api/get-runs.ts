import type { RunList } from '@vroegsignaal/shared/api/flags';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const runsQueryOptions = () => queryOptions({ queryKey: ['runs'], queryFn: ({ signal }) => api.get<RunList>(endpointUrl('runs'), { signal }) });
