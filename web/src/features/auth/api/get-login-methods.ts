import type { LoginMethods } from '@vroegsignaal/shared/api/oidc';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Which ways of signing in the installation offers (no session needed). */
export const loginMethodsQueryOptions = () =>
  queryOptions({
    queryKey: ['login-methods'],
    queryFn: ({ signal }) => api.get<LoginMethods>(endpointUrl('loginMethods'), { signal, allowUnauthorized: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
