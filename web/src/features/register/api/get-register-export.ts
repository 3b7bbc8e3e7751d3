import type { RegisterExport } from '@vroegsignaal/shared/api/publication';
import { queryOptions } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

export const registerExportQueryOptions = () =>
  queryOptions({
    queryKey: ['register-export'],
    queryFn: ({ signal }) => api.get<RegisterExport>(endpointUrl('registerExport'), { signal, query: { format: 'json' } }),
  });

/** The address of the export as a file, for a download link. */
export const registerExportUrl = (format: 'json' | 'csv') => buildUrl(endpointUrl('registerExport'), { format });
