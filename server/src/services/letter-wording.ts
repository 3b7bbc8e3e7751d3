import { INDICATOR_CATALOGUE, type Indicator } from '@vroegsignaal/shared';

// The indicators as a resident's letter names them: plain Dutch without abbreviations
// (JGZ, GGZ) or slashes. The dashboard keeps the catalogue's short labels, which its users know.

interface Wording {
  label: string;
  valueMeaning: string;
}

const LETTER_WORDING: Partial<Record<Indicator, Partial<Wording>>> = {
  energieachterstand: { valueMeaning: 'maanden achterstand voor energie of water' },
  jeugd_politiecontact: { label: 'Contact van de politie met een minderjarige' },
  werkloosheid: { label: 'Werkloosheid of bijstand', valueMeaning: 'één volwassene met een uitkering' },
  opvoedzorg: { label: 'Zorgen over de opvoeding (jeugdgezondheidszorg)', valueMeaning: 'één signaal van de jeugdgezondheidszorg' },
  ggz_zorg: { label: 'Zorg van de geestelijke gezondheidszorg', valueMeaning: 'één signaal van de geestelijke gezondheidszorg' },
};

const catalogue = (indicator: string) => INDICATOR_CATALOGUE.find((e) => e.indicator === indicator);
const wording = (indicator: string): Partial<Wording> => LETTER_WORDING[indicator as Indicator] ?? {};

/** `Zorg van de geestelijke gezondheidszorg`; an unknown code with spaces for underscores. */
export const letterLabel = (indicator: string): string => wording(indicator).label ?? catalogue(indicator)?.label ?? indicator.replace(/_/g, ' ');

/** `één signaal van de jeugdgezondheidszorg`, `maanden huurachterstand`; undefined for an unknown code. */
export const letterValueMeaning = (indicator: string): string | undefined => wording(indicator).valueMeaning ?? catalogue(indicator)?.valueMeaning;
