import type { PublicTransparency } from '@vroegsignaal/shared/api/publication';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The public "Hoe werkt het?": no session needed (and none asked for). */
export const publicTransparencyQueryOptions = () =>
  queryOptions({
    queryKey: ['public-transparency'],
    queryFn: ({ signal }) => api.get<PublicTransparency>(endpointUrl('publicTransparency'), { signal, allowUnauthorized: true }),
  });
