// Plain-Dutch sentences for a flag's explanation.

import type { FlagExplanation } from '@vroegsignaal/shared/api/households';
import { sourceDisplayName } from '@vroegsignaal/shared/source-name';
import { formatDate, formatNumber, indicatorLabel, indicatorValueMeaning } from '../../lib/format.ts';

/** "Huurachterstand van 3 maanden" or just "Overlastmelding" for a counted event. */
export function describeSignal(indicator: string, value: number | null): string {
  const label = indicatorLabel(indicator);
  const meaning = indicatorValueMeaning(indicator);
  if (value === null || meaning.startsWith('één')) return label;
  const unit = meaning.split(' ')[0] ?? '';
  return `${label} van ${formatNumber(value)} ${unit}`.trim();
}

export function sourceAndDate(source: string, observedOn: string): string {
  return `${sourceDisplayName(source)}, ${formatDate(observedOn)}`;
}

export const points = (weight: number): string => `telt ${formatNumber(weight)} punt${weight === 1 ? '' : 'en'}`;

/** The flag condition in words: score at or above the threshold, or enough leefgebieden. */
export function whyOnList(flag: FlagExplanation): string {
  const byScore = flag.score >= flag.flag_threshold;
  const byDomains = flag.min_domains !== null && flag.domains >= flag.min_domains;
  const score = `De score is ${formatNumber(flag.score)} punten (de lijst begint bij ${formatNumber(flag.flag_threshold)})`;
  const domains = `er zijn signalen in ${flag.domains} leefgebied${flag.domains === 1 ? '' : 'en'}${flag.min_domains !== null ? ` (ook vanaf ${flag.min_domains} leefgebieden komt een gezin op de lijst)` : ''}`;
  const reason =
    byScore && byDomains ? 'zowel de score als het aantal leefgebieden' : byScore ? 'de score' : byDomains ? 'het aantal leefgebieden' : 'de regels van toen';
  return `${score} en ${domains}. Op de lijst door ${reason}.`;
}
