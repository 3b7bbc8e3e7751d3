import type { EndpointName } from './endpoints.ts';

// What each audit event means, in the words the beheerder reads on the audit page.
// The event codes stay stable (they are searched for); only their description is shown.

const ENDPOINT_EVENTS: Record<EndpointName, string> = {
  health: 'status van de server opgevraagd',
  login: 'ingelogd',
  logout: 'uitgelogd',
  session: 'sessie opgevraagd',
  changePassword: 'eigen wachtwoord gewijzigd',
  runs: 'scoringsrondes bekeken',
  flags: 'signaleringslijst bekeken',
  flagsExport: 'signaleringen geëxporteerd (CSV)',
  household: 'huishouden ingezien',
  triage: 'opvolging van een signalering ingezien',
  triageStatus: 'status van een signalering gewijzigd',
  triageAssignment: 'signalering toegewezen',
  triageOutcome: 'uitkomst van een signalering vastgelegd',
  triageNote: 'notitie bij een signalering toegevoegd',
  assignees: 'lijst van behandelaars bekeken',
  transparency: 'transparantiepagina bekeken',
  ruleSets: 'regelsets bekeken',
  ruleSet: 'regelset bekeken',
  createRuleSet: 'conceptregelset aangemaakt',
  updateRuleSet: 'conceptregelset bewerkt',
  previewRuleSet: 'effect van een regelset berekend',
  requestPublication: 'publicatie van een regelset aangevraagd',
  withdrawPublication: 'publicatieaanvraag ingetrokken',
  approveRuleSet: 'regelset goedgekeurd en gepubliceerd',
  aggregateWeeks: 'cijfers per week bekeken',
  aggregateWijken: 'cijfers per wijk bekeken',
  aggregateIndicators: 'cijfers per indicator bekeken',
  aggregatePrecision: 'precisie van de signalering bekeken',
  users: 'gebruikers bekeken',
  createUser: 'gebruiker aangemaakt',
  updateUser: 'gebruiker gewijzigd',
  audit: 'auditlog doorzocht',
  ingestRuns: 'inleesrondes bekeken',
  quarantine: 'quarantaine bekeken',
  sources: 'bronnen bekeken',
  createSource: 'bron toegevoegd',
  updateSource: 'bron gewijzigd',
  jobs: 'taken bekeken',
  apiDocs: 'API-documentatie geopend',
  apiDocsJson: 'API-beschrijving opgehaald',
  apiDocsYaml: 'API-beschrijving opgehaald',
  apiDocsPage: 'API-documentatie geopend',
  apiDocsInitializer: 'API-documentatie geopend',
  apiDocsAssets: 'API-documentatie geopend',
};

const OTHER_EVENTS: Record<string, string> = {
  login_failed: 'inloggen mislukt',
  login_throttled: 'inloggen geweigerd: te veel mislukte pogingen voor dit account',
  flags_list: 'signaleringslijst bekeken (welke huishoudens: zie details)',
  export: 'signaleringen geëxporteerd (CSV)',
  household_read: 'huishouden ingezien',
  triage_read: 'opvolging van een signalering ingezien',
  audit_search: 'auditlog doorzocht',
  'cli:registry_import': 'basisregistratie geïmporteerd via beheer (CLI)',
  'cli:feed_ingest': 'signaalbestand ingelezen via beheer (CLI)',
  'cli:rules_import': 'regelset als concept geïmporteerd via beheer (CLI)',
  'cli:rules_publish': 'regelset geïmporteerd en gepubliceerd via beheer (CLI)',
  'cli:score': 'scoringsronde gedraaid via beheer (CLI)',
  'cli:flags_export': 'signaleringen geëxporteerd via beheer (CLI)',
};

const PREFIXES: Record<string, string> = {
  denied: 'geweigerd',
  rate_limited: 'geweigerd: te veel verzoeken vanaf dit adres',
  server_error: 'serverfout',
};

/** The Dutch description of an audit event code, e.g. `denied:flags` → "geweigerd: signaleringslijst bekeken". */
export function describeAuditEvent(event: string): string {
  const known = (ENDPOINT_EVENTS as Record<string, string>)[event] ?? OTHER_EVENTS[event];
  if (known) return known;
  const at = event.indexOf(':');
  const prefix = at > 0 ? PREFIXES[event.slice(0, at)] : undefined;
  if (prefix) return `${prefix}: ${describeAuditEvent(event.slice(at + 1))}`;
  return event;
}
