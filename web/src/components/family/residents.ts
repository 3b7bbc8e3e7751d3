import { formatDate } from '../../lib/format.ts';

// The family page starts at the day the current residents came to live at the address:
// these sentences tell a professional what was left out and what is not theirs.

export const BEFORE_RESIDENTS = 'vastgelegd voor de huidige bewoners hier kwamen wonen';

export const shownFromSentence = (since: string) => `Gegevens van voor ${formatDate(since)}, toen de huidige bewoners hier kwamen wonen, worden niet getoond.`;

export const residentsChangedSentence = (since: string) =>
  `De bewoners van dit adres zijn veranderd sinds deze zaak begon: de huidige bewoners wonen hier sinds ${formatDate(since)}. Bekijk of de zaak nog bij hen past; eerdere stappen en notities worden niet getoond.`;
