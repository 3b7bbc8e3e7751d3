import type { MarkItem } from '@vroegsignaal/shared/api/privacy';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const signalMarksQueryOptions = () =>
  queryOptions({ queryKey: ['privacy', 'marks'], queryFn: ({ signal }) => api.get<MarkItem[]>(endpointUrl('signalMarks'), { signal }) });
