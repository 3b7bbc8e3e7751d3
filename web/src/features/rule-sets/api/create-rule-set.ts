import type { RuleSetDefinitionBody, RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export function useCreateRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: RuleSetDefinitionBody) => api.post<RuleSetDetail>(endpointUrl('createRuleSet'), definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rule-sets'] }),
  });
}
