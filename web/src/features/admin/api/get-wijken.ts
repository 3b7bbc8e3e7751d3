import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The wijken of the basisregistratie, to choose a wijkteam member's wijken from. */
export const knownWijkenQueryOptions = () =>
  queryOptions({ queryKey: ['admin', 'wijken'], queryFn: ({ signal }) => api.get<string[]>(endpointUrl('knownWijken'), { signal }), staleTime: 10 * 60_000 });
