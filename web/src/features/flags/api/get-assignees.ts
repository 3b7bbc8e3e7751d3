import type { Assignee } from '@vroegsignaal/shared/api/triage';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const assigneesQueryOptions = () =>
  queryOptions({ queryKey: ['assignees'], queryFn: ({ signal }) => api.get<Assignee[]>(endpointUrl('assignees'), { signal }), staleTime: 5 * 60_000 });
