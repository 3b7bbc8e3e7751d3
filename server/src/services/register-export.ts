import { checkRegisterEntry, REGISTER_FIELDS, REGISTER_SCHEMA_VERSION, type RegisterEntry } from '@vroegsignaal/shared/algoritmeregister';
import type { RegisterExport } from '@vroegsignaal/shared/api/publication';
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { definitionOf, eventsOfRuleSets, newestPublished, publishedRuleSets } from '../repositories/rule-set-repository.ts';
import { approvalOf } from './approval.ts';
import { spreadsheetSafe } from './flag-export.ts';
import { HUMAN_OVERSIGHT, NO_MEASURE, sourcesDelivering } from './public-transparency.ts';
import { describeRules, flagCondition, PURPOSE } from './transparency.ts';

// The active rule set and the configured organisation details in the Algoritmeregister's
// publication standard. A field is filled from configuration or from what the system
// holds, or left empty and reported (never invented).

const CONSIDERATIONS =
  'Alleen gezinnen met kinderen bij wie signalen uit meerdere leefgebieden tegelijk spelen, komen op de lijst: één signaal ' +
  'is geen reden om een gezin te benaderen. De regels en gewichten zijn openbaar en voor iedereen na te rekenen. ' +
  'Nationaliteit, etniciteit en namen worden niet gebruikt; een BSN wordt nooit opgeslagen, alleen een sleutel die ervan is afgeleid.';

const RISK_MANAGEMENT =
  'Elke inzage in gegevens van een huishouden wordt vastgelegd in een auditlog dat niet kan worden gewijzigd. Regels ' +
  'worden pas gebruikt na goedkeuring door een tweede beleidsmaker. Beleidsmakers zien alleen afgeronde aantallen ' +
  '(0 t/m 4 als “<5”, de rest op tientallen). Per wijk wordt gemeten of gezinnen vaker op de lijst komen dan hun aandeel ' +
  'in de gemeente (oververtegenwoordiging), en per signaal hoe vaak een signalering terecht bleek. Gegevens worden na een ' +
  'vaste bewaartermijn automatisch verwijderd.';

const SEARCH_TERMS = 'vroegsignalering, zorgnetwerk, gezinnen, schulden, huurachterstand, schoolverzuim, jeugd, wijkteam';

const month = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date(iso)).slice(0, 7);

async function dataDescription(db: Db): Promise<{ data: string; titles: string | null }> {
  const sources = await sourcesDelivering(db);
  const perSource = sources.map((s) => `${s.name}: ${s.indicators.map((i) => i.label.toLowerCase()).join(', ')}`);
  const data =
    'Uit de basisregistratie personen: geboortedatum, adres en wijk (het BSN alleen als sleutel die ervan is afgeleid). ' +
    (perSource.length ? `Signalen per bron (datum en soms een waarde): ${perSource.join('; ')}.` : 'Er zijn nog geen bronnen ingesteld.');
  return { data, titles: sources.length ? sources.map((s) => s.name).join(', ') : null };
}

/** The entry's values, field by field. */
export async function registerEntry(db: Db, config: Config): Promise<RegisterEntry> {
  const p = config.publication;
  const [rs, published, data] = await Promise.all([newestPublished(db), publishedRuleSets(db), dataDescription(db)]);
  const def = rs ? definitionOf(rs) : null;
  const approval = rs ? approvalOf(rs, await eventsOfRuleSets(db, [rs.id]), config.timeZone) : null;
  const first = published.find((r) => r.published_at)?.published_at ?? null;
  const working =
    def && rs
      ? `Regelset ${rs.name}, versie ${rs.version}. ${flagCondition(def)} Regels: ${describeRules(def)
          .map((r) => r.description)
          .join(' ')}`
      : null;
  return {
    Naam: 'Vroegsignaal: gezinnen met meerdere signalen tijdig in beeld brengen',
    'Korte omschrijving': PURPOSE,
    Organisatie: p.organisation,
    Thema: p.themes,
    Status: rs ? 'In gebruik' : 'In ontwikkeling',
    Begindatum: first ? month(first, config.timeZone) : null,
    Einddatum: null,
    Contactgegevens: p.contact,
    'Link naar publiekspagina': p.publicPageUrl,
    Publicatiecategorie: p.category,
    'Link naar bronregistratie': null,
    'Doel en impact': `${PURPOSE} ${NO_MEASURE}`,
    Afwegingen: CONSIDERATIONS,
    'Menselijke tussenkomst': approval ? `${HUMAN_OVERSIGHT} ${approval.text}` : HUMAN_OVERSIGHT,
    Risicobeheer: RISK_MANAGEMENT,
    'Wettelijke basis': p.legalBasisConfigured ? p.legalBasis : null,
    'Link naar wettelijke basis': p.legalBasisUrl,
    'Titel van wettelijke basis': p.legalBasisTitle,
    Verwerkingsregister: p.processingRegisterUrl,
    'Impacttoets(en)': p.impactAssessments,
    'Link naar impacttoets': p.impactAssessmentUrl,
    'Toelichting op impacttoetsen': null,
    Gegevens: data.data,
    'Link naar gegevensbron': null,
    'Titel van gegevensbron': data.titles,
    'Technische werking': working,
    Leverancier: p.supplier,
    'Link naar broncode': p.sourceCodeUrl,
    Taal: 'nld',
    Schema: REGISTER_SCHEMA_VERSION,
    'Bron-ID': p.registerId,
    Zoektermen: SEARCH_TERMS,
  };
}

export async function registerExport(db: Db, config: Config): Promise<RegisterExport> {
  const entry = await registerEntry(db, config);
  return { schema: REGISTER_SCHEMA_VERSION, entry, ...checkRegisterEntry(entry) };
}

/** One header row of the register's field names and one row of values (lists joined by `|`), safe to open in a spreadsheet. */
export function registerCsv(entry: RegisterEntry): string {
  const header = REGISTER_FIELDS.map((f) => f.name);
  const row = REGISTER_FIELDS.map((f) => {
    const v = entry[f.name];
    return spreadsheetSafe(v === null ? '' : Array.isArray(v) ? v.join('|') : v);
  });
  return stringify([header, row], { record_delimiter: '\n', quoted_match: /^'[=+\-@\t\r]/ });
}
