// A source's name in plain Dutch, for a resident's letter and the dashboard. Sources are
// configured by a code (`woco-noord`, `ggd-jgz`); users read no codes, so a code is spelled
// out: known organisations by their own name, known abbreviations in full, dashes and
// underscores as spaces, a capital first letter.

/** Whole codes of the kinds of organisation the product knows, by the name they go by. */
const NAMES: Record<string, string> = {
  'veilig-thuis': 'Veilig Thuis',
  'energie-water': 'Energie- en waterbedrijf',
  'gemeente-werk-inkomen': 'Gemeente, afdeling Werk en Inkomen',
  'ggd-jgz': 'Jeugdgezondheidszorg',
  'ggz-instelling': 'Instelling voor geestelijke gezondheidszorg',
  ggz: 'Instelling voor geestelijke gezondheidszorg',
};

const WORDS: Record<string, string> = {
  woco: 'woningcorporatie',
  ggz: 'geestelijke gezondheidszorg',
  ggd: 'GGD',
  jgz: 'jeugdgezondheidszorg',
  uwv: 'UWV',
  svb: 'SVB',
  cjg: 'Centrum voor Jeugd en Gezin',
};

/** `woco-noord` → `Woningcorporatie noord`, `veilig-thuis` → `Veilig Thuis`, `ggz` → `Instelling voor geestelijke gezondheidszorg`. */
export function sourceDisplayName(code: string): string {
  const words = code
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((w) => w !== '');
  const known = NAMES[words.join('-')];
  if (known) return known;
  const text = words.map((w) => WORDS[w] ?? w).join(' ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Een organisatie';
}
