import type { EndpointName } from './endpoints.ts';

// What each audit event is, in the words the beheerder reads on the audit page (the
// outcome, gelukt, mislukt or geweigerd, is shown beside it).
// The event codes stay stable (they are searched for); only their description is shown.

const ENDPOINT_EVENTS: Record<EndpointName, string> = {
  health: 'status van de server opvragen',
  login: 'inloggen',
  loginMethods: 'inlogmogelijkheden opvragen',
  oidcLogin: 'inloggen via de organisatie beginnen',
  oidcCallback: 'inloggen via de organisatie afronden',
  oidcBackchannelLogout: 'uitloggen op verzoek van de inlogdienst van de organisatie',
  logout: 'uitloggen',
  session: 'sessie opvragen',
  changePassword: 'eigen wachtwoord wijzigen',
  runs: 'scoringsrondes bekijken',
  flags: 'signaleringslijst bekijken',
  flagsExport: 'signaleringen exporteren (CSV)',
  flagsSearch: 'signaleringslijst doorzoeken op adres',
  flagsExportFiltered: 'signaleringen exporteren (CSV, met zoekopdracht)',
  household: 'huishouden inzien',
  triage: 'opvolging van een signalering inzien',
  triageStatus: 'status van een signalering wijzigen',
  triageAssignment: 'signalering toewijzen',
  triageOutcome: 'uitkomst van een signalering vastleggen',
  triageNote: 'notitie bij een signalering toevoegen',
  assignees: 'lijst van behandelaars bekijken',
  transparency: 'transparantiepagina bekijken',
  publicTransparency: 'openbare pagina "Hoe werkt het?" bekijken',
  registerExport: 'export voor het Algoritmeregister downloaden',
  dpiaFactsheet: 'DPIA-feitenblad downloaden',
  ruleSets: 'regelsets bekijken',
  ruleSet: 'regelset bekijken',
  createRuleSet: 'conceptregelset aanmaken',
  updateRuleSet: 'conceptregelset bewerken',
  previewRuleSet: 'effect van een regelset berekenen',
  requestPublication: 'publicatie van een regelset aanvragen',
  withdrawPublication: 'publicatieaanvraag intrekken',
  approveRuleSet: 'regelset goedkeuren en publiceren',
  aggregateWeeks: 'cijfers per week bekijken',
  aggregateWijken: 'cijfers per wijk bekijken',
  aggregateIndicators: 'cijfers per indicator bekijken',
  aggregatePrecision: 'precisie van de signalering bekijken',
  users: 'gebruikers bekijken',
  createUser: 'gebruiker aanmaken',
  updateUser: 'gebruiker wijzigen',
  knownWijken: 'wijken van de basisregistratie bekijken',
  audit: 'auditlog doorzoeken',
  ingestRuns: 'inleesrondes bekijken',
  quarantine: 'quarantaine bekijken',
  sources: 'bronnen bekijken',
  createSource: 'bron toevoegen',
  updateSource: 'bron wijzigen',
  jobs: 'taken bekijken',
  accessRequests: 'inzageverzoeken bekijken',
  createAccessRequest: 'inzageverzoek registreren',
  accessRequest: 'inzageverzoek inzien',
  accessLetter: 'inzagebrief (PDF) maken',
  extendAccessRequest: 'termijn van een inzageverzoek verlengen',
  closeAccessRequest: 'inzageverzoek afhandelen',
  withholdNote: 'notitie achterhouden in een inzagebrief',
  createExclusion: 'huishouden uitsluiten van scoring (beperking of bezwaar)',
  liftExclusion: 'uitsluiting van scoring opheffen',
  signalMarks: 'gecorrigeerde signalen bekijken',
  createSignalMark: 'signaal als onjuist markeren',
  liftSignalMark: 'markering als onjuist opheffen',
  apiDocs: 'API-documentatie openen',
  apiDocsJson: 'API-beschrijving ophalen',
  apiDocsYaml: 'API-beschrijving ophalen',
  apiDocsPage: 'API-documentatie openen',
  apiDocsInitializer: 'API-documentatie openen',
  apiDocsAssets: 'API-documentatie openen',
};

const OTHER_EVENTS: Record<string, string> = {
  login_failed: 'inloggen: gebruikersnaam of wachtwoord onjuist',
  login_oidc: 'inloggen via de organisatie (OpenID Connect); rol en wijken van de inlogdienst overgenomen',
  login_oidc_refused: 'inloggen via de organisatie geweigerd: geen (eenduidige) rol in Vroegsignaal of account gedeactiveerd',
  login_oidc_failed: 'inloggen via de organisatie mislukt: antwoord van de inlogdienst ongeldig, verlopen of onbereikbaar',
  logout_oidc_backchannel: 'uitgelogd door de inlogdienst van de organisatie (back-channel logout)',
  login_throttled: 'inloggen: te veel mislukte pogingen voor dit account, even geblokkeerd',
  flags_list: 'signaleringslijst bekijken (welke huishoudens: zie details)',
  export: 'signaleringen exporteren (CSV)',
  household_read: 'huishouden inzien',
  triage_read: 'opvolging van een signalering inzien',
  triage_unassigned: 'toewijzing vervallen (wijkteamlid niet meer in de wijk of gedeactiveerd)',
  audit_search: 'auditlog doorzoeken',
  register_export: 'export voor het Algoritmeregister downloaden',
  dpia_factsheet: 'DPIA-feitenblad downloaden (tellingen uit het auditlog)',
  access_request_read: 'inzageverzoek inzien (gegevens van een huishouden)',
  access_letter: 'inzagebrief (PDF) maken (gegevens van een huishouden)',
  'cli:registry_import': 'basisregistratie importeren via beheer (CLI)',
  'cli:feed_ingest': 'signaalbestand inlezen via beheer (CLI)',
  'cli:rules_import': 'regelset als concept importeren via beheer (CLI)',
  'cli:rules_publish': 'regelset importeren en publiceren via beheer (CLI)',
  'cli:score': 'scoringsronde draaien via beheer (CLI)',
  'cli:flags_export': 'signaleringen exporteren via beheer (CLI)',
  'cli:register_export': 'export voor het Algoritmeregister maken via beheer (CLI)',
  'cli:dpia_factsheet': 'DPIA-feitenblad maken via beheer (CLI)',
};

const PREFIXES: Record<string, string> = {
  denied: 'geweigerd (geen toegang)',
  rate_limited: 'geweigerd (te veel verzoeken vanaf dit adres)',
  server_error: 'serverfout bij',
};

/** The Dutch description of an audit event code, e.g. `denied:flags` → "geweigerd (geen toegang): signaleringslijst bekijken". */
export function describeAuditEvent(event: string): string {
  const known = (ENDPOINT_EVENTS as Record<string, string>)[event] ?? OTHER_EVENTS[event];
  if (known) return known;
  const at = event.indexOf(':');
  const prefix = at > 0 ? PREFIXES[event.slice(0, at)] : undefined;
  if (prefix) return `${prefix}: ${describeAuditEvent(event.slice(at + 1))}`;
  return event;
}

/** What an audit entry's object is, in Dutch (the code stays in the log). */
export const AUDIT_OBJECT_TYPE_LABELS: Record<string, string> = {
  export: 'export',
  file: 'bestand',
  flag: 'signalering',
  household: 'huishouden',
  ingest_run: 'levering',
  oidc: 'inlogdienst van de organisatie',
  request: 'verzoek',
  rule_set: 'regelset',
  run: 'berekening',
  source: 'bron',
  triage: 'opvolging',
  user: 'gebruiker',
};
