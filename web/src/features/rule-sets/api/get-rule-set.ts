import type { RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const ruleSetQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['rule-sets', id], queryFn: ({ signal }) => api.get<RuleSetDetail>(endpointUrl('ruleSet', { id }), { signal }) });
