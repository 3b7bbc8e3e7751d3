import { DOMAIN_LABELS, INDICATOR_CATALOGUE, type Domain, type RuleSetDefinition } from '@vroegsignaal/shared';
import type { Transparency } from '@vroegsignaal/shared/api/transparency';
import type { Db } from '../db/connection.ts';
import { definitionOf, newestPublished } from '../repositories/rule-set-repository.ts';

// The active rule set in plain Dutch, as for the municipality's algorithm register.

export const PURPOSE =
  'Vroegsignaal brengt signalen van verschillende organisaties (zoals huurachterstand, overlast, schoolverzuim en ' +
  'huiselijk geweld) per huishouden samen. Gezinnen met kinderen bij wie meerdere signalen tegelijk spelen, komen op ' +
  'een lijst voor het zorgnetwerk, zodat een professional kan kijken of hulp nodig is. Een signalering is nooit een besluit.';

const OVERSIGHT =
  'Elke signalering wordt door een coördinator van het zorgnetwerk en het wijkteam beoordeeld. Of een signaal terecht ' +
  'was, wordt vastgelegd om de regels te toetsen. Regels worden door een beleidsmaker opgesteld en pas gebruikt na ' +
  'goedkeuring door een tweede beleidsmaker (vier-ogenprincipe).';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number) => count(n, 'dag', 'dagen');
export const nl = (n: number) => String(n).replace('.', ',');

export const NO_RULE_SET = 'Er is nog geen regelset gepubliceerd.';

/** When a household is flagged under a rule set, in one Dutch sentence. */
export function flagCondition(def: RuleSetDefinition): string {
  return (
    `Een huishouden met minstens één volwassene en één minderjarige wordt gesignaleerd als de som van de gewichten van ` +
    `de actieve regels minstens ${nl(def.flag_threshold)} is` +
    (def.min_domains === null ? '.' : `, of als de actieve regels samen minstens ${count(def.min_domains, 'leefgebied', 'verschillende leefgebieden')} raken.`)
  );
}

/** Each rule of a rule set in plain Dutch. */
export function describeRules(def: RuleSetDefinition): Transparency['indicators'] {
  return def.rules.map((r) => {
    const entry = INDICATOR_CATALOGUE.find((e) => e.indicator === r.indicator);
    const label = entry?.label ?? r.indicator;
    const signals = count(r.min_count, 'signaal', 'signalen');
    const what = r.threshold === null ? signals : `${signals} met een waarde van minstens ${nl(r.threshold)} (${entry?.valueMeaning ?? 'waarde'})`;
    return {
      indicator: r.indicator,
      label,
      domain: r.domain,
      domain_label: DOMAIN_LABELS[r.domain as Domain] ?? r.domain,
      weight: r.weight,
      threshold: r.threshold,
      window_days: r.window_days,
      min_count: r.min_count,
      description: `${label} telt mee (gewicht ${nl(r.weight)}) bij minstens ${what} in de laatste ${days(r.window_days)}.`,
    };
  });
}

export async function transparency(db: Db): Promise<Transparency> {
  const rs = await newestPublished(db);
  if (!rs) return { rule_set: null, purpose: PURPOSE, flag_condition: NO_RULE_SET, indicators: [], human_oversight: OVERSIGHT };
  const def = definitionOf(rs);
  const condition = flagCondition(def);
  return {
    rule_set: {
      id: rs.id,
      name: rs.name,
      version: rs.version,
      published_at: rs.published_at,
      published_by: rs.published_by,
      approved_by: rs.approved_by,
      published_via: rs.published_via === 'vier-ogen' ? 'vier-ogen' : 'beheer',
    },
    purpose: PURPOSE,
    flag_condition: condition,
    indicators: describeRules(def),
    human_oversight: OVERSIGHT,
  };
}
