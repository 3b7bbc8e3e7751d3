import type { AuditPage, AuditQuery } from '@vroegsignaal/shared/api/admin';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => api.get<AuditPage>(endpointUrl('audit'), { query, signal }),
    placeholderData: keepPreviousData,
  });
