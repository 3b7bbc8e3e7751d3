import type { PreviewResult } from '@vroegsignaal/shared/api/rule-sets';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Scores the stored draft against the newest data without storing a run: counts only. */
export function usePreviewRuleSet(id: number) {
  return useMutation({ mutationFn: () => api.post<PreviewResult>(endpointUrl('previewRuleSet', { id }), {}) });
}
