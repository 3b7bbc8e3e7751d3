// A source's name in plain Dutch, for a resident's letter and the dashboard. Sources are configured by a
// code (`woco-noord`, `ggd-jgz`); the letter names no codes, so a code is spelled out:
// known abbreviations in full, dashes and underscores as spaces, a capital first letter.

const WORDS: Record<string, string> = {
  woco: 'woningcorporatie',
  ggz: 'GGZ-instelling',
  ggd: 'GGD',
  jgz: 'jeugdgezondheidszorg',
  uwv: 'UWV',
  svb: 'SVB',
  cjg: 'Centrum voor Jeugd en Gezin',
};

/** `woco-noord` → `Woningcorporatie noord`, `ggd-jgz` → `GGD jeugdgezondheidszorg`, `ggz` → `GGZ-instelling`. */
export function sourceDisplayName(code: string): string {
  const words = code
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((w) => w !== '')
    .map((w) => WORDS[w] ?? w);
  const text = words.join(' ').replace(/\bggz-instelling instelling\b/i, 'GGZ-instelling');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : 'Een organisatie';
}
