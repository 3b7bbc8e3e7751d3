import { INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import type { PublicTransparency } from '@vroegsignaal/shared/api/publication';
import type { Config } from '../config.ts';
import { publishCount } from '../core/suppression.ts';
import type { Db } from '../db/connection.ts';
import { definitionOf, eventsOfRuleSets, newestPublished } from '../repositories/rule-set-repository.ts';
import { newestRun } from '../repositories/run-repository.ts';
import { listSources } from '../repositories/source-repository.ts';
import { approvalOf } from './approval.ts';
import { describeRules, flagCondition, NO_RULE_SET, PURPOSE } from './transparency.ts';

// The public "Hoe werkt het?": what the system does, on which legal basis, with which
// rules and sources, who sees what, how long data stays and how to exercise one's rights.
// No household data and no person's name; the one count goes through publishCount.

export const NO_MEASURE = 'Er volgt geen maatregel, sanctie of uitkeringsbesluit uit. Wat er gebeurt, beslist een mens na een gesprek.';

export const SIGNAL_NOT_DECISION = `Een signalering is een reden voor een professional om te kijken of een gezin hulp nodig heeft, nooit een besluit. ${NO_MEASURE}`;

export const HUMAN_OVERSIGHT =
  'Elke signalering wordt beoordeeld door een coördinator van het zorgnetwerk en het wijkteam. Of een signaal terecht was, ' +
  'wordt vastgelegd om de regels te toetsen. Regels worden door een beleidsmaker opgesteld en in het dashboard pas ' +
  'gebruikt na goedkeuring door een tweede beleidsmaker (vier-ogenprincipe).';

export const ROLES_SEE: PublicTransparency['roles'] = [
  {
    role: 'Coördinator zorgnetwerk',
    sees: 'De signaleringen van de week: adres, wijk, score en welke signalen meetellen. Wijst signaleringen toe aan het wijkteam en legt de opvolging vast.',
  },
  {
    role: 'Wijkteam',
    sees: 'Alleen de signaleringen in de eigen wijken, met de uitleg waarom een gezin op de lijst staat. Legt vast wat er met een signalering is gedaan.',
  },
  { role: 'Beleidsmaker', sees: 'Alleen afgeronde aantallen, nooit een gezin of adres. Stelt de regels op; een tweede beleidsmaker keurt ze goed.' },
  { role: 'Beheerder', sees: 'Bronnen, leveringen, afgekeurde regels (met gemaskeerd BSN), gebruikers en het auditlog. Ziet de signaleringslijst niet.' },
];

export const SMALL_CELLS =
  'Aantallen zijn afgerond op tientallen (5 t/m 14 wordt 10, 15 t/m 24 wordt 20); 0 t/m 4 staat er als “<5”. ' +
  'Alleen kleine aantallen weglaten is niet genoeg: door getallen van elkaar af te trekken zou je een weggelaten aantal ' +
  'toch kunnen terugrekenen. Met afgeronde aantallen blijven er altijd meerdere mogelijke waarden over.';

export function retentionOf(config: Config): PublicTransparency['retention'] {
  return [
    { what: 'Signalen van de bronnen', days: config.retentionDays },
    { what: 'Afgekeurde regels uit leveringen (quarantaine)', days: config.quarantineRetentionDays },
    { what: 'Auditlog (wie wat heeft ingezien of gedaan)', days: config.auditRetentionDays },
  ];
}

const labelOf = (indicator: string) => INDICATOR_CATALOGUE.find((e) => e.indicator === indicator)?.label ?? indicator;

export async function sourcesDelivering(db: Db) {
  const sources = (await listSources(db)).filter((s) => s.enabled);
  return sources.map((s) => ({ name: s.name, indicators: (JSON.parse(s.indicators) as string[]).map((i) => ({ indicator: i, label: labelOf(i) })) }));
}

export async function publicTransparency(db: Db, config: Config): Promise<PublicTransparency> {
  const p = config.publication;
  const [rs, run, sources] = await Promise.all([newestPublished(db), newestRun(db), sourcesDelivering(db)]);
  const def = rs ? definitionOf(rs) : null;
  const events = rs ? await eventsOfRuleSets(db, [rs.id]) : [];
  return {
    organisation: p.organisation,
    purpose: PURPOSE,
    legal_basis: { text: p.legalBasis, title: p.legalBasisTitle, url: p.legalBasisUrl },
    signal_not_decision: SIGNAL_NOT_DECISION,
    human_oversight: HUMAN_OVERSIGHT,
    rule_set:
      rs && def
        ? {
            name: rs.name,
            version: rs.version,
            published_at: rs.published_at,
            flag_threshold: def.flag_threshold,
            min_domains: def.min_domains,
            approval: approvalOf(rs, events, config.timeZone),
          }
        : null,
    flag_condition: def ? flagCondition(def) : NO_RULE_SET,
    indicators: def ? describeRules(def) : [],
    sources,
    latest_run: run ? { as_of: run.as_of, flags: publishCount(run.flags) } : null,
    roles: ROLES_SEE,
    retention: retentionOf(config),
    small_cells: SMALL_CELLS,
    rights: p.rights,
    contact: p.contact,
  };
}
