import type { Assignee } from '@vroegsignaal/shared/api/triage';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

/** Active wijkteam members with their wijken (coordinator only); the page offers those of the household's wijk. */
export const assigneesQueryOptions = () =>
  queryOptions({ queryKey: ['assignees'], queryFn: ({ signal }) => api.get<Assignee[]>(endpointUrl('assignees'), { signal }), staleTime: 60_000 });
