import { useMutation } from '@tanstack/react-query';
import { api, saveTextFile } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface ExportInput {
  runId: number;
  asOf: string;
  /** Address keys of the selected households; empty exports the whole week. */
  householdKeys: readonly string[];
}

/**
 * Downloads the run's flags as CSV (the contract's export, logged by the server);
 * with a selection, only the selected households' rows are kept.
 */
export function useExportFlags() {
  return useMutation({
    mutationFn: async ({ runId, asOf, householdKeys }: ExportInput) => {
      const csv = await api.get<string>(endpointUrl('flagsExport', { runId }));
      const text = householdKeys.length ? onlyKeys(csv, new Set(householdKeys)) : csv;
      saveTextFile(`signalen-${asOf}${householdKeys.length ? '-selectie' : ''}.csv`, text);
    },
  });
}

/** Keeps the header and the rows whose first column (address_key) is selected. */
function onlyKeys(csv: string, keys: ReadonlySet<string>): string {
  const [header = '', ...rows] = csv.split(/\r?\n/);
  const kept = rows.filter((row) => keys.has(row.split(',')[0]?.replace(/^"|"$/g, '') ?? ''));
  return `${[header, ...kept].join('\n')}\n`;
}
