// How a search for a household by address is read. Address keys are
// `POSTCODE-HUISNUMMER-TOEVOEGING` (`9711AB-12-A`, `9711AB-12-` without toevoeging).

/** A part of the address key to look for: at its start, or anywhere in it. */
export type AddressMatch = { kind: 'prefix' | 'contains'; value: string };

const FULL = /^([1-9]\d{3})\s*([A-Z]{1,2})(?:(?:\s+|\s*-\s*|(?<=[A-Z]{2}))(\d{1,5})(?:\s*-?\s*([A-Z0-9]{1,6}))?)?$/;
const POSTCODE_START = /^\d{1,4}$/;
const LETTERS_AND_NUMBER = /^([A-Z]{1,2})\s*-?\s*(\d{1,5})$/;

/**
 * "9711 AB 12" → the key starts with `9711AB-12-`; "9711ab" → `9711AB-`; "9711 A" → `9711A`;
 * "97" → `97`; "AB 12" (the postcode's letters and a number) → the key contains `AB-12-`.
 * A house number is matched whole: 12 does not find 120. Null when it cannot be an address.
 */
export function parseAddressSearch(input: string): AddressMatch | null {
  const s = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (POSTCODE_START.test(s)) return { kind: 'prefix', value: s };
  const full = FULL.exec(s);
  if (full) {
    const [, digits, letters, number, toevoeging] = full;
    if (letters!.length === 1) return number === undefined ? { kind: 'prefix', value: `${digits}${letters}` } : null;
    if (number === undefined) return { kind: 'prefix', value: `${digits}${letters}-` };
    const huisnummer = String(Number(number));
    return { kind: 'prefix', value: `${digits}${letters}-${huisnummer}-${toevoeging ?? ''}` };
  }
  const partial = LETTERS_AND_NUMBER.exec(s);
  if (partial) return { kind: 'contains', value: `${partial[1]}-${String(Number(partial[2]))}-` };
  return null;
}

export const ADDRESS_SEARCH_HINT = 'zoek op postcode en huisnummer of een deel ervan, bijvoorbeeld 9711 AB 12 of 9711';
