import { describe, expect, it } from 'vitest';
import { sourceDisplayName } from '../../shared/src/source-name.ts';

// Users read no source codes: each code of the demo city and the example has a plain name.
describe('a source code in words', () => {
  it.each([
    ['woco-noord', 'Woningcorporatie noord'],
    ['meldpunt-overlast', 'Meldpunt overlast'],
    ['leerplicht', 'Leerplicht'],
    ['veilig-thuis', 'Veilig Thuis'],
    ['VEILIG_THUIS', 'Veilig Thuis'],
    ['energie-water', 'Energie- en waterbedrijf'],
    ['gemeente-werk-inkomen', 'Gemeente, afdeling Werk en Inkomen'],
    ['ggd-jgz', 'Jeugdgezondheidszorg'],
    ['ggz-instelling', 'Instelling voor geestelijke gezondheidszorg'],
    ['ggz', 'Instelling voor geestelijke gezondheidszorg'],
    ['ggz-west', 'Geestelijke gezondheidszorg west'],
    ['ggd-noord', 'GGD noord'],
    ['uwv', 'UWV'],
    ['cjg.oost', 'Centrum voor Jeugd en Gezin oost'],
    ['  ', 'Een organisatie'],
  ])('%s → %s', (code, name) => {
    expect(sourceDisplayName(code)).toBe(name);
  });
});
