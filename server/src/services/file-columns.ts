import { FEED_REQUIRED, REGISTRY_REQUIRED } from '@vroegsignaal/shared';

/** A CSV header that lacks a required column rejects the file; null when complete. */
export function missingRegistryColumns(columns: string[]): string | null {
  const missing = REGISTRY_REQUIRED.filter((c) => !columns.includes(c));
  return missing.length ? `het bestand mist de verplichte kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')}` : null;
}

export function missingFeedColumns(columns: string[]): string | null {
  const missing: string[] = FEED_REQUIRED.filter((c) => !columns.includes(c));
  const hasAddress = columns.includes('postcode') && columns.includes('huisnummer');
  if (!columns.includes('bsn') && !hasAddress) missing.push('bsn (of postcode en huisnummer)');
  return missing.length ? `het bestand mist de verplichte kolom${missing.length > 1 ? 'men' : ''} ${missing.join(', ')}` : null;
}
