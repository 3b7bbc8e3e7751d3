import type { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** The family behind a flag on the agenda, for its printed summary. The server logs every read. */
export const householdQueryOptions = (flagId: number) =>
  queryOptions({ queryKey: ['household', flagId], queryFn: ({ signal }) => api.get<HouseholdDetail>(endpointUrl('household', { flagId }), { signal }) });
