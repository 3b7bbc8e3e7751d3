import type { FlagsQuery } from '@vroegsignaal/shared/api/flags';
import { useMutation } from '@tanstack/react-query';
import { buildUrl, downloadFile } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface ExportInput {
  runId: number;
  asOf: string;
  query: FlagsQuery;
}

/** Downloads the flags of a run as CSV; the server logs every export. */
export function useExportFlags() {
  return useMutation({
    mutationFn: ({ runId, asOf, query }: ExportInput) =>
      downloadFile('GET', buildUrl(endpointUrl('flagsExport', { runId }), { ...query, page: undefined, page_size: undefined }), undefined, `signalen-${asOf}.csv`),
  });
}
