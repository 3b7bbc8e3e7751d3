import type { FlagsExportBody } from '@vroegsignaal/shared/api/flags';
import { useMutation } from '@tanstack/react-query';
import { api, saveTextFile } from '../../../lib/api-client.ts';
import { endpointUrl } from '../../../lib/endpoints.ts';

interface ExportInput {
  runId: number;
  asOf: string;
  /** The list's filter and search: the export holds what the list shows, on every page. */
  filter: FlagsExportBody;
  /** Address keys of the selected households; empty exports everything under the filter. */
  householdKeys: readonly string[];
}

/**
 * Downloads the flags under the list's filter as CSV, with weeks on the list, status and
 * assignee (logged by the server); with a selection, only the selected households' rows are kept.
 */
export function useExportFlags() {
  return useMutation({
    mutationFn: async ({ runId, asOf, filter, householdKeys }: ExportInput) => {
      const csv = await api.post<string>(endpointUrl('flagsExportFiltered', { runId }), filter);
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
