// The privacy forms' fields by the names on screen: a refusal names "Huisnummer", not `body.huisnummer`.
export const PRIVACY_FIELDS: Record<string, string> = {
  'body.bsn': 'BSN',
  'body.postcode': 'Postcode',
  'body.huisnummer': 'Huisnummer',
  'body.toevoeging': 'Toevoeging',
  'body.received_on': 'Ontvangen op',
  'body.ground': 'Grond',
  'body.from': 'Vanaf',
  'body.to': 'Tot en met',
  'body.source': 'Bron',
  'body.record_id': 'Kenmerk bij de bron',
  'body.triage_event_id': 'Notitie',
};

/** The reason field is named after its form: the extension's reason, the exclusion's reason. */
export const withReason = (label: string): Record<string, string> => ({ ...PRIVACY_FIELDS, 'body.reason': label });

/** An exclusion's ground by the article it rests on. */
export const GROUND_LABELS: Record<'bezwaar' | 'beperking', string> = { bezwaar: 'Bezwaar (art. 21)', beperking: 'Beperking (art. 18)' };
export const groundLabel = (ground: string): string => GROUND_LABELS[ground as keyof typeof GROUND_LABELS] ?? ground;

/** How a request found its resident: "Gevonden via het adres". */
export const foundVia = (r: { identified_by: 'bsn' | 'adres'; household: boolean }): string =>
  r.identified_by === 'adres' ? 'het adres' : r.household ? 'het BSN' : 'het BSN (geen huishouden)';
