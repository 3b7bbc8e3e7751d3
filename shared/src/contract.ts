// Constants fixed by the data contract (../shared/spec/data-contract.md, section 4).

export const DOMAINS = ['financien', 'wonen', 'veiligheid', 'onderwijs', 'werk_inkomen', 'opvoeding', 'gezondheid'] as const;
export type Domain = (typeof DOMAINS)[number];

export interface CatalogueEntry {
  indicator: string;
  domain: Domain;
  /** What `value` means for this indicator, in Dutch for the users. */
  valueMeaning: string;
  label: string;
}

export const INDICATOR_CATALOGUE = [
  { indicator: 'huurachterstand', domain: 'financien', label: 'Huurachterstand', valueMeaning: 'maanden huurachterstand' },
  { indicator: 'energieachterstand', domain: 'financien', label: 'Energieachterstand', valueMeaning: 'maanden achterstand energie/water' },
  { indicator: 'zorgverzekeringsachterstand', domain: 'financien', label: 'Achterstand zorgverzekering', valueMeaning: 'maanden premieachterstand' },
  { indicator: 'overlastmelding', domain: 'wonen', label: 'Overlastmelding', valueMeaning: 'één melding' },
  { indicator: 'huiselijk_geweld', domain: 'veiligheid', label: 'Huiselijk geweld', valueMeaning: 'één melding' },
  { indicator: 'jeugd_politiecontact', domain: 'veiligheid', label: 'Politiecontact minderjarige', valueMeaning: 'één contact' },
  { indicator: 'schoolverzuim', domain: 'onderwijs', label: 'Schoolverzuim', valueMeaning: 'uren ongeoorloofd verzuim' },
  { indicator: 'schooluitval', domain: 'onderwijs', label: 'Voortijdig schoolverlaten', valueMeaning: 'één voortijdig schoolverlater' },
  { indicator: 'werkloosheid', domain: 'werk_inkomen', label: 'Werkloosheid / bijstand', valueMeaning: 'één volwassene met uitkering' },
  { indicator: 'opvoedzorg', domain: 'opvoeding', label: 'Opvoedzorg (JGZ)', valueMeaning: 'één JGZ-signaal' },
  { indicator: 'ggz_zorg', domain: 'gezondheid', label: 'GGZ-zorg', valueMeaning: 'één GGZ-signaal' },
] as const satisfies readonly CatalogueEntry[];

export type Indicator = (typeof INDICATOR_CATALOGUE)[number]['indicator'];

export const INDICATORS: readonly Indicator[] = INDICATOR_CATALOGUE.map((e) => e.indicator);

const domainByIndicator = new Map<string, Domain>(INDICATOR_CATALOGUE.map((e) => [e.indicator, e.domain]));

export function isIndicator(code: string): code is Indicator {
  return domainByIndicator.has(code);
}

export function domainOf(indicator: string): Domain | undefined {
  return domainByIndicator.get(indicator);
}

export const DOMAIN_LABELS: Record<Domain, string> = {
  financien: 'Financiën',
  wonen: 'Wonen',
  veiligheid: 'Veiligheid',
  onderwijs: 'Onderwijs',
  werk_inkomen: 'Werk en inkomen',
  opvoeding: 'Opvoeding',
  gezondheid: 'Gezondheid',
};

export interface RuleDefinition {
  indicator: string;
  domain: string;
  weight: number;
  threshold: number | null;
  window_days: number;
  min_count: number;
}

export interface RuleSetDefinition {
  name: string;
  flag_threshold: number;
  min_domains: number | null;
  rules: RuleDefinition[];
}

export const DEFAULT_RULE_SET: RuleSetDefinition = {
  name: 'Standaard',
  flag_threshold: 6,
  min_domains: 3,
  rules: [
    { indicator: 'huurachterstand', domain: 'financien', weight: 3, threshold: 2, window_days: 90, min_count: 1 },
    { indicator: 'energieachterstand', domain: 'financien', weight: 2, threshold: 2, window_days: 90, min_count: 1 },
    { indicator: 'zorgverzekeringsachterstand', domain: 'financien', weight: 2, threshold: 2, window_days: 90, min_count: 1 },
    { indicator: 'overlastmelding', domain: 'wonen', weight: 2, threshold: null, window_days: 180, min_count: 2 },
    { indicator: 'huiselijk_geweld', domain: 'veiligheid', weight: 4, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'jeugd_politiecontact', domain: 'veiligheid', weight: 3, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'schoolverzuim', domain: 'onderwijs', weight: 2, threshold: 16, window_days: 90, min_count: 1 },
    { indicator: 'schooluitval', domain: 'onderwijs', weight: 3, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'werkloosheid', domain: 'werk_inkomen', weight: 1, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'opvoedzorg', domain: 'opvoeding', weight: 2, threshold: null, window_days: 365, min_count: 1 },
    { indicator: 'ggz_zorg', domain: 'gezondheid', weight: 2, threshold: null, window_days: 365, min_count: 1 },
  ],
};

/** Column names of the contract's files. */
export const REGISTRY_COLUMNS = ['bsn', 'birth_date', 'postcode', 'huisnummer', 'toevoeging', 'wijk'] as const;
export const REGISTRY_REQUIRED = ['bsn', 'birth_date', 'postcode', 'huisnummer', 'wijk'] as const;
export const FEED_COLUMNS = ['source', 'record_id', 'indicator', 'observed_on', 'value', 'bsn', 'postcode', 'huisnummer', 'toevoeging'] as const;
export const FEED_REQUIRED = ['source', 'record_id', 'indicator', 'observed_on'] as const;

/** Header of `flags export --format csv`. */
export const FLAGS_EXPORT_HEADER = 'address_key,wijk,score,domains,indicators';
