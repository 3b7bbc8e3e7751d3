import type { RuleSetSummary } from '@vroegsignaal/shared/api/rule-sets';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const ruleSetsQueryOptions = () =>
  queryOptions({ queryKey: ['rule-sets'], queryFn: ({ signal }) => api.get<RuleSetSummary[]>(endpointUrl('ruleSets'), { signal }) });
