import type { RuleSetDefinitionBody, RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useUpdateRuleSet(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: RuleSetDefinitionBody) => api.put<RuleSetDetail>(endpointUrl('updateRuleSet', { id }), definition),
    onSuccess: (detail) => queryClient.setQueryData(['rule-sets', id], detail),
  });
}
