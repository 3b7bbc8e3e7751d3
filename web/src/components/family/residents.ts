import { formatDate } from '../../lib/format.ts';

// The family page starts at the day the current residents came to live at the address:
// these sentences tell a professional what was left out and what is not theirs.

export const BEFORE_RESIDENTS = 'vastgelegd voor de huidige bewoners hier kwamen wonen';

export const shownFromSentence = (since: string) =>
  `Gegevens over dit adres van voor ${formatDate(since)}, toen de huidige bewoners hier kwamen wonen, worden niet getoond. Signalen over de huidige bewoners tonen we ook van voor die datum; ze kunnen op een vorig adres zijn vastgelegd.`;

export const BEFORE_MOVE = 'vóór de verhuizing hierheen vastgelegd';

/** On the meeting page and the printed agenda, for an item whose flag is an earlier family's. */
export const RESIDENTS_CHANGED_ITEM = 'Bewoners veranderd sinds deze signalering';

export const residentsChangedSentence = (since: string) =>
  `De bewoners van dit adres zijn veranderd sinds deze zaak begon: de huidige bewoners wonen hier sinds ${formatDate(since)}. Bekijk of de zaak nog bij hen past; eerdere stappen en notities worden niet getoond.`;
