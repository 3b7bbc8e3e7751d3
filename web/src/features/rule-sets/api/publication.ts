import type { ApproveRuleSet, RuleSetDetail } from '@vroegsignaal/shared/api/rule-sets';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

type Step = 'requestPublication' | 'withdrawPublication' | 'approveRuleSet';

/** One step of the four-eyes publication: request, withdraw, or approve (by a second beleidsmaker, naming the version and why). */
export function usePublicationStep(id: number, step: Step) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveRuleSet | Record<string, never> = {}) => api.post<RuleSetDetail>(endpointUrl(step, { id }), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['rule-sets'] });
      await queryClient.invalidateQueries({ queryKey: ['transparency'] });
    },
  });
}
