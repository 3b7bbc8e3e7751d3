import { describe, expect, it } from 'vitest';
import { parseAddressSearch } from '../../shared/src/address-search.ts';

// How the week list and "Mijn signalen" read a search by address (the API tests run it on both databases).

describe('reading an address search', () => {
  it.each([
    ['9711 AB 12', 'prefix', '9711AB-12-'],
    ['9711ab12', 'prefix', '9711AB-12-'],
    [' 9711AB 012 ', 'prefix', '9711AB-12-'],
    ['9711 ab 12a', 'prefix', '9711AB-12-A'],
    ['9711AB-12-A', 'prefix', '9711AB-12-A'],
    ['9711 AB 12 bis', 'prefix', '9711AB-12-BIS'],
    ['9711 AB', 'prefix', '9711AB-'],
    ['9711A', 'prefix', '9711A'],
    ['97', 'prefix', '97'],
    ['AB 12', 'contains', 'AB-12-'],
  ])('%j → %s %s', (input, kind, value) => {
    expect(parseAddressSearch(input)).toEqual({ kind, value });
  });

  it.each(['', 'x', '12345', '9711 A 12', "9711'; --", '9711 AB 12 %', '0_1'])('refuses %j', (input) => {
    expect(parseAddressSearch(input)).toBeNull();
  });
});
