import type { UserItem } from '@vroegsignaal/shared/api/admin';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const usersQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'users'], queryFn: ({ signal }) => api.get<UserItem[]>(endpointUrl('users'), { signal }) });
