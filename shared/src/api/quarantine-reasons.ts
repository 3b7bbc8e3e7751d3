// Why a row is in quarantine, in the words the beheerder reads. New rows store their
// reasons in Dutch; rows quarantined before that (kept up to 90 days) hold the English
// text of the time, which is translated here. The stored text stays as it is (exports).

const EXACT: Record<string, string> = {
  'postcode must look like 1234AB or 1234 AB': 'postcode moet eruitzien als 1234AB of 1234 AB',
  'huisnummer must be a whole number': 'huisnummer moet een geheel getal zijn',
  'huisnummer must be between 1 and 99999': 'huisnummer moet tussen 1 en 99999 liggen',
  'toevoeging may hold only letters and digits': 'toevoeging mag alleen letters en cijfers bevatten',
  'bsn must be 9 digits (8 digits get a leading zero)': 'bsn moet uit 9 cijfers bestaan (bij 8 cijfers komt er een 0 voor)',
  'bsn fails the elfproef': 'bsn voldoet niet aan de elfproef',
  'bsn appears more than once in the file': 'bsn komt meer dan één keer voor in het bestand',
  'value must be a number (no thousands separators)': 'value moet een getal zijn (zonder scheidingsteken voor duizendtallen)',
  'value must be a finite number': 'value moet een eindig getal zijn',
  'value must be 0 or more': 'value moet 0 of meer zijn',
  'birth_date must be a real date YYYY-MM-DD': 'birth_date moet een bestaande datum zijn (JJJJ-MM-DD)',
  'birth_date is after the import date': 'birth_date ligt na de datum van inlezen',
  'observed_on must be a real date YYYY-MM-DD': 'observed_on moet een bestaande datum zijn (JJJJ-MM-DD)',
  'observed_on is after the ingest date': 'observed_on ligt na de datum van inlezen',
  'either bsn or a full address (postcode and huisnummer) is required': 'bsn of een volledig adres (postcode en huisnummer) is verplicht',
  'line is not valid JSON': 'regel is geen geldige JSON',
  'element is not a JSON object': 'element is geen JSON-object',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\w+) is required$/, (m) => `${m[1]} is verplicht`],
  [/^indicator '(.*)' is not in the catalogue$/, (m) => `indicator '${m[1]}' staat niet in de indicatorcatalogus`],
  [/^indicator (.*) is not one this source may deliver$/, (m) => `indicator ${m[1]} mag deze bron niet leveren`],
  [/^(\w+) must be text or a number$/, (m) => `${m[1]} moet tekst of een getal zijn`],
];

/** The Dutch reason for a stored quarantine reason (already Dutch ones pass unchanged). */
export function quarantineReasonLabel(reason: string): string {
  const exact = EXACT[reason];
  if (exact) return exact;
  for (const [pattern, dutch] of PATTERNS) {
    const m = pattern.exec(reason);
    if (m) return dutch(m);
  }
  return reason;
}
