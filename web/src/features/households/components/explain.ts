// Plain-Dutch sentences for a flag's explanation.

import { formatDate, formatNumber, indicatorLabel, indicatorValueMeaning } from '../../../lib/format.ts';

/** "Huurachterstand van 3 maanden" or just "Overlastmelding" for a counted event. */
export function describeSignal(indicator: string, value: number | null): string {
  const label = indicatorLabel(indicator);
  const meaning = indicatorValueMeaning(indicator);
  if (value === null || meaning.startsWith('één')) return label;
  const unit = meaning.split(' ')[0] ?? '';
  return `${label} van ${formatNumber(value)} ${unit}`.trim();
}

export function sourceAndDate(source: string, observedOn: string): string {
  return `${source}, ${formatDate(observedOn)}`;
}

export const points = (weight: number): string => `telt ${formatNumber(weight)} punt${weight === 1 ? '' : 'en'}`;
