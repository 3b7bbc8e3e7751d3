import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface ExportInput {
  runId: number;
  asOf: string;
}

/** Downloads all flags of a run as CSV (the contract's export); the server logs every export. */
export function useExportFlags() {
  return useMutation({
    mutationFn: ({ runId, asOf }: ExportInput) => downloadFile('GET', endpointUrl('flagsExport', { runId }), undefined, `signalen-${asOf}.csv`),
  });
}
