import { DOMAIN_LABELS, type Domain } from '@vroegsignaal/shared';
import { TRIAGE_STATUS_LABELS, type TriageStatus } from '@vroegsignaal/shared/api/triage';
import { describeAuditEvent } from '@vroegsignaal/shared/api/audit-events';
import { addDays } from '../core/dates.ts';
import { parseEvidence } from '../core/evidence.ts';
import { fromMicro } from '../core/score.ts';
import { sourceDisplayName } from '../core/source-name.ts';
import { wijkenOfUsers, withheldOf } from '../repositories/access-request-repository.ts';
import { evidenceOutside, type listViewsInPeriods, type Period, type viewsInPeriods } from '../repositories/request-scope-repository.ts';
import { runRulesOf } from '../repositories/flag-list-repository.ts';
import { activeMarksOf, markKey } from '../repositories/mark-repository.ts';
import { requestData, requestViews, type RequestFlag, type RequestSignal, type RequestTriage } from './access-request-data.ts';
import { currentHousehold, dutchDate, requestRow, type RightsContext } from './access-requests.ts';
import { teamOf } from './letter-teams.ts';
import { letterLabel, letterValueMeaning } from './letter-wording.ts';

// The answer to an access request (AVG art. 15) as a letter in plain Dutch: short
// sentences (at most 20 words), the data in tables, the scoring in words, the
// resident's further rights. Never a BSN, a hash or a user's name.

export interface LetterSection {
  heading: string;
  paragraphs: string[];
  table?: { head: string[]; rows: string[][] };
}

export interface Letter {
  title: string;
  sections: LetterSection[];
}

export interface LetterSettings {
  retentionDays: number;
  auditRetentionDays: number;
  organisation?: string;
  contact?: string;
}

const label = letterLabel;
const number = (n: number) => String(n).replace('.', ',');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const status = (s: string | null) => (s ? (TRIAGE_STATUS_LABELS[s as TriageStatus] ?? s.replace(/_/g, ' ')) : '');

export async function assembleLetter(ctx: RightsContext, requestId: number, settings: LetterSettings): Promise<Letter> {
  const request = await requestRow(ctx, requestId);
  const [{ periods, scope: requestScope, signals, flags, triage }, withheld, household] = await Promise.all([
    requestData(ctx.db, request),
    withheldOf(ctx.db, requestId),
    currentHousehold(ctx, request),
  ]);
  const [marks, rules, views, teams, outside] = await Promise.all([
    activeMarksOf(ctx.db, signals),
    runRulesOf(ctx.db, [...new Set(flags.map((f) => f.run_id))]),
    requestViews(
      ctx.db,
      periods,
      flags.map((f) => f.id),
    ),
    wijkenOfUsers(ctx.db, [...new Set(triage.events.map((e) => e.by_user))]),
    evidenceOutside(
      ctx.db,
      flags.flatMap((f) => parseEvidence(f.evidence).flatMap((e) => e.signalIds)),
      requestScope,
    ),
  ]);
  const organisation = settings.organisation ?? 'de gemeente';
  const sources = [...new Set(signals.map((s) => sourceDisplayName(s.source)))].sort((a, b) => a.localeCompare(b, 'nl'));
  const linked = periods.length > 0;
  const during = period(periods);
  return {
    title: 'Uw gegevens in Vroegsignaal',
    sections: [
      intro(request, periods, settings),
      linked
        ? signalSection(signals, marks, settings.retentionDays, organisation)
        : unlinkedSignalSection(signals, marks, settings.retentionDays, organisation),
      linked ? scoringSection(flags, rules, outside, during) : unscoredSection(),
      triageSection(triage.events, new Map(withheld.map((w) => [w.triage_event_id, w.ground])), linked, during, (e) =>
        capital(teamOf(e.by_role, teams.get(e.by_user) ?? null, organisation)),
      ),
      viewSection(mergeViews(views.own, views.lists), settings.auditRetentionDays, organisation, linked, during),
      {
        heading: 'Waar de gegevens vandaan komen',
        // A table, not a sentence: a list of names would soon pass the 20 words of a sentence.
        paragraphs: sources.length ? ['De signalen komen van de organisaties in deze tabel.'] : ['Wij hebben geen gegevens van andere organisaties over u.'],
        ...(sources.length ? { table: { head: ['Organisatie'], rows: sources.map((name) => [name]) } } : {}),
      },
      rights(settings, household !== null, request.identified_by === 'adres' && request.household_key !== null),
    ],
  };
}

type RequestRow = Awaited<ReturnType<typeof requestRow>>;

/**
 * "In de periode dat u op dit adres woonde": the words that keep a sentence about what is not
 * there true when the letter covers only part of the time; '' when it covers all of it.
 */
function period(periods: Period[]): string {
  if (!periods.some((p) => p.since !== null || p.until !== null)) return '';
  return `In de periode dat u op ${new Set(periods.map((p) => p.address_key)).size > 1 ? 'deze adressen' : 'dit adres'} woonde`;
}

function intro(request: RequestRow, periods: Period[], s: LetterSettings): LetterSection {
  return {
    heading: 'Uw vraag',
    paragraphs: [
      'Geachte heer of mevrouw,',
      `U vroeg ons op ${dutchDate(request.received_on)} welke gegevens wij over u${request.household_key === null ? '' : ' en uw huishouden'} bewaren.`,
      'In deze brief leest u welke gegevens dat zijn.',
      'U leest ook wie ze heeft bekeken en hoe lang wij ze bewaren.',
      ...scope(request, periods),
      `${s.organisation ?? 'De gemeente'} gebruikt het systeem Vroegsignaal.`,
      'Het systeem helpt om gezinnen met zorgen vroeg te zien.',
      'Een signaal is geen besluit over u. Een medewerker kijkt altijd zelf of hulp nodig is.',
    ],
  };
}

/** Which periods the letter shows, and why; nothing when there is no limit. */
function scope(request: RequestRow, periods: Period[]): string[] {
  const moved = periods.some((p) => p.until !== null) || new Set(periods.map((p) => p.address_key)).size > 1;
  if (moved && request.identified_by === 'adres')
    return [
      'Deze brief toont de gegevens van dit adres vanaf de komst van de bewoners, zolang zij er woonden.',
      'Gegevens van eerdere of latere bewoners van dit adres staan niet in deze brief.',
      'Signalen over een bewoner tonen wij alleen uit de tijd dat hij of zij hier woonde.',
    ];
  if (moved)
    return [
      'Deze brief toont de adressen waar u woonde toen u uw vraag stelde, voor de tijd dat u er woonde.',
      'Van elk adres tonen wij alleen de periode dat u er woonde.',
      'Gegevens van eerdere of latere bewoners van die adressen staan niet in deze brief.',
      'Signalen over een huisgenoot tonen wij alleen uit de tijd dat u samenwoonde.',
    ];
  if (request.scope_from === null) return [];
  const who = request.identified_by === 'bsn' ? 'u' : 'de eerste huidige bewoner';
  return [
    `Deze brief toont de gegevens over uw adres vanaf ${dutchDate(request.scope_from)}.`,
    `Dat is de datum waarop ${who} volgens de Basisregistratie Personen op dit adres kwam wonen.`,
    'Gegevens van eerdere bewoners van dit adres staan niet in deze brief.',
    'Signalen over een huisgenoot tonen wij alleen uit de tijd dat hij of zij hier woonde.',
  ];
}

type SignalRow = RequestSignal;

type MarkRow = Awaited<ReturnType<typeof activeMarksOf>> extends Map<string, infer M> ? M : never;

/** A corrected signal says who corrected it: by organisation, never by person. */
function correction(mark: MarkRow | undefined, source: string, organisation: string): string {
  if (!mark) return '';
  const by = mark.marked_role === 'beheerder' ? `op verzoek van ${sourceDisplayName(source)}` : `door de privacyfunctionaris van ${organisation}`;
  return ` (verbeterd ${by}: onjuist, telt niet mee)`;
}

function signalSection(signals: SignalRow[], marks: Map<string, MarkRow>, retentionDays: number, organisation: string): LetterSection {
  if (!signals.length) return { heading: 'Signalen over uw huishouden', paragraphs: ['Wij hebben geen signalen over uw huishouden.'] };
  return {
    heading: 'Signalen over uw huishouden',
    paragraphs: [
      `Wij hebben ${signals.length} ${signals.length === 1 ? 'signaal' : 'signalen'} over uw huishouden.`,
      'Een signaal met de opmerking "verbeterd" telt niet meer mee.',
      `Het systeem verwijdert een signaal ${retentionDays} dagen na de datum van het signaal.`,
      'De laatste kolom noemt de laatste dag dat wij het signaal bewaren.',
    ],
    table: signalTable(signals, marks, retentionDays, organisation),
  };
}

/** The signals of a person the registry does not know: linked to no household, so never scored. */
function unlinkedSignalSection(signals: SignalRow[], marks: Map<string, MarkRow>, retentionDays: number, organisation: string): LetterSection {
  const heading = 'Signalen over u';
  if (!signals.length) return { heading, paragraphs: ['Wij hebben geen signalen meer over u. Het systeem heeft ze inmiddels verwijderd.'] };
  return {
    heading,
    paragraphs: [
      `Wij hebben ${signals.length} ${signals.length === 1 ? 'signaal' : 'signalen'} over u.`,
      'U staat niet in de gegevens van de Basisregistratie Personen die wij gebruiken.',
      'Daarom zijn deze signalen niet gekoppeld aan een huishouden.',
      'Een signaal met de opmerking "verbeterd" telt niet meer mee.',
      `Het systeem verwijdert een signaal ${retentionDays} dagen na de datum van het signaal.`,
      'De laatste kolom noemt de laatste dag dat wij het signaal bewaren.',
    ],
    table: signalTable(signals, marks, retentionDays, organisation),
  };
}

function signalTable(signals: SignalRow[], marks: Map<string, MarkRow>, retentionDays: number, organisation: string): LetterSection['table'] {
  return {
    head: ['Organisatie', 'Soort signaal', 'Datum', 'Waarde', 'Bewaard tot en met'],
    rows: signals.map((s) => [
      sourceDisplayName(s.source),
      label(s.indicator) + correction(marks.get(markKey(s)), s.source, organisation),
      dutchDate(s.observed_on),
      valueText(s.indicator, s.value),
      dutchDate(addDays(s.observed_on, retentionDays)),
    ]),
  };
}

/** The value with its unit, as the family page shows it: `3 maanden huurachterstand`; a count of one event is its meaning. */
function valueText(indicator: string, value: number | string | null): string {
  const meaning = letterValueMeaning(indicator);
  if (meaning?.startsWith('één ')) return meaning;
  if (value === null) return 'geen';
  return meaning ? `${number(Number(value))} ${meaning}` : number(Number(value));
}

type FlagRow = RequestFlag;
type RuleRow = Awaited<ReturnType<typeof runRulesOf>>[number];

const SCORING = [
  'Het systeem kijkt elke week naar de signalen van een vaste periode.',
  'Elk soort signaal heeft een vast gewicht. Het systeem telt de gewichten op tot een score.',
  'Is de score hoog genoeg, dan komt het huishouden op een lijst.',
  'Dat gebeurt ook bij zorgen op genoeg verschillende terreinen, zoals geld, wonen of school.',
  'Het gaat alleen om huishoudens met een volwassene en een kind.',
  'De regels en gewichten zijn openbaar. Elke versie van de regels heeft een nummer.',
];

/** Signals that link to no household are in no calculation: scoring is per household. */
function unscoredSection(): LetterSection {
  return {
    heading: 'Hoe de berekening werkt',
    paragraphs: [
      ...SCORING,
      'Uw signalen zijn niet aan een huishouden gekoppeld.',
      'Daarom heeft het systeem ze nooit meegeteld in een berekening.',
      'U heeft dus nooit op een lijst gestaan.',
    ],
  };
}

/**
 * A flag explained by the signals in the letter's scope only: signals about the address from
 * before the residents came (still counted, as the data contract says) are not theirs to read,
 * but they must know such signals counted, to object or ask for correction.
 */
function scoringSection(flags: FlagRow[], rules: RuleRow[], outside: Set<number>, during: string): LetterSection {
  const paragraphs = SCORING;
  if (!flags.length)
    return {
      heading: 'Hoe de berekening werkt',
      paragraphs: [...paragraphs, during ? `${during}, stond uw huishouden niet op de lijst.` : 'Uw huishouden heeft nooit op de lijst gestaan.'],
    };
  const weight = new Map(rules.map((r) => [`${r.run_id}|${r.indicator}`, r]));
  const why = (f: FlagRow) =>
    parseEvidence(f.evidence)
      .map((e) => ({ ...e, qualifying: e.qualifying - e.signalIds.filter((id) => outside.has(id)).length }))
      .filter((e) => e.qualifying > 0)
      .map((e) => {
        const r = weight.get(`${f.run_id}|${e.indicator}`);
        const domain = r ? (DOMAIN_LABELS[r.domain as Domain] ?? r.domain) : '';
        return `${label(e.indicator)} (${e.qualifying} keer, gewicht ${number(fromMicro(Number(r?.weight_micro ?? 0)))}${domain ? `, terrein ${domain.toLowerCase()}` : ''})`;
      })
      .join('; ');
  // A flag that counted earlier occupants' signals shows no score or threshold: with the listed
  // points they would tell what the hidden signals added up to.
  const hides = (f: FlagRow) => parseEvidence(f.evidence).some((e) => e.signalIds.some((id) => outside.has(id)));
  const earlier = flags.some(hides);
  return {
    heading: 'Hoe de berekening werkt',
    paragraphs: [
      ...paragraphs,
      `Uw huishouden stond ${flags.length} keer op de lijst. De tabel laat zien waarom.`,
      ...(earlier
        ? [
            'Ook signalen over dit adres van voordat u er kwam wonen, telden mee in de berekening.',
            'Bij "niet getoond" stond uw huishouden op de lijst door uw signalen samen met eerdere signalen over dit adres.',
            'Daarom tonen wij dan geen score en geen grens.',
          ]
        : []),
      'Het systeem verwijdert deze vermeldingen niet vanzelf. Er is geen vaste bewaartermijn voor.',
      'Wij bewaren ze tot wij ze zelf verwijderen. U kunt ons vragen ze te verwijderen.',
    ],
    table: {
      head: ['Datum', 'Score', 'Grens', 'Regels', 'Waarom'],
      rows: flags.map((f) => [
        dutchDate(f.as_of),
        hides(f) ? 'niet getoond' : number(fromMicro(Number(f.score_micro))),
        hides(f) ? 'niet getoond' : number(Number(f.flag_threshold)),
        `${f.rule_set_name}, versie ${f.rule_set_version}`,
        hides(f) ? `${why(f) || 'Geen van uw signalen'}, samen met eerdere signalen over dit adres` : why(f),
      ]),
    },
  };
}

type EventRow = RequestTriage['events'][number];

function triageSection(events: EventRow[], withheld: Map<number, string>, linked: boolean, during: string, who: (e: EventRow) => string): LetterSection {
  if (!events.length)
    return {
      heading: 'Wat medewerkers hebben gedaan',
      paragraphs: [
        during
          ? `${during}, heeft geen medewerker iets vastgelegd over uw huishouden.`
          : `Geen medewerker heeft iets vastgelegd over ${linked ? 'uw huishouden' : 'u'}.`,
      ],
    };
  const what = (e: EventRow) => {
    if (e.kind === 'status') return `Stap gewijzigd naar: ${status(e.to_status)}`;
    if (e.kind === 'assignment') return 'Toegewezen aan een medewerker';
    if (e.kind === 'outcome') return e.outcome === 'terecht' ? 'Uitkomst: de zorg was terecht' : 'Uitkomst: de zorg was niet terecht';
    return 'Notitie';
  };
  const note = (e: EventRow) => {
    if (!e.note) return '';
    const ground = withheld.get(e.id);
    return ground ? `Deze notitie geven wij niet. Reden: ${ground}` : e.note;
  };
  return {
    heading: 'Wat medewerkers hebben gedaan',
    paragraphs: [
      'Medewerkers leggen vast wat zij met een signaal doen. Dat staat in deze tabel.',
      'Het systeem verwijdert deze gegevens niet vanzelf. Wij bewaren ze tot wij ze zelf verwijderen.',
    ],
    table: { head: ['Datum', 'Wie', 'Wat', 'Notitie'], rows: events.map((e) => [dutchDate(e.at.slice(0, 10)), who(e), what(e), note(e)]) },
  };
}

interface ViewRow {
  at: string;
  role: string | null;
  wijken: string | null;
  what: string;
}

const LIST_VIEW: Record<string, string> = {
  run: 'Bekeken in een lijst',
  worklist: 'Bekeken in een lijst',
  meeting: 'Bekeken in een lijst: de agenda van het zorgnetwerk',
  export: 'Bekeken in een lijst: opgeslagen als bestand',
};

/** Views of the household's own page and of lists that showed it, newest first. */
function mergeViews(own: Awaited<ReturnType<typeof viewsInPeriods>>, lists: Awaited<ReturnType<typeof listViewsInPeriods>>): ViewRow[] {
  return [
    ...own.map((v) => ({ at: v.at, role: v.role, wijken: v.wijken, what: capital(describeAuditEvent(v.event)) })),
    ...lists.map((v) => ({ at: v.at, role: v.role, wijken: v.wijken, what: LIST_VIEW[v.object_type ?? ''] ?? 'Bekeken in een lijst' })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

function viewSection(views: ViewRow[], auditRetentionDays: number, organisation: string, linked: boolean, during: string): LetterSection {
  const years = Math.round(auditRetentionDays / 365);
  const keep = `Wij bewaren deze gegevens ${years} jaar.`;
  const nobody = during
    ? `${during}, heeft niemand de gegevens van uw huishouden bekeken.`
    : linked
      ? 'Niemand heeft de gegevens van uw huishouden bekeken.'
      : 'Niemand heeft deze gegevens bekeken.';
  if (!views.length) return { heading: 'Wie uw gegevens heeft bekeken', paragraphs: [nobody, keep] };
  return {
    heading: 'Wie uw gegevens heeft bekeken',
    paragraphs: ['Elke keer dat iemand uw gegevens bekijkt, legt het systeem dat vast.', 'Wij noemen de functie en het team, niet de naam.', keep],
    table: {
      head: ['Datum', 'Wie', 'Wat', 'Bewaard tot'],
      rows: views.map((v) => [
        dutchDate(v.at.slice(0, 10)),
        capital(teamOf(v.role, v.wijken, organisation)),
        v.what,
        dutchDate(addDays(v.at.slice(0, 10), auditRetentionDays)),
      ]),
    },
  };
}

/** Without a household now there is nothing to exclude: the person left the registry, or the residents the address. */
function rights(s: LetterSettings, household: boolean, address: boolean): LetterSection {
  const none = address
    ? ['De bewoners wonen nu niet meer op dit adres.', 'Daarom kunnen wij hun huishouden hier niet buiten de berekening laten.']
    : ['U staat nu niet in de Basisregistratie Personen.', 'Daarom telt het systeem uw signalen nu in geen enkele berekening mee.'];
  return {
    heading: 'Uw rechten',
    paragraphs: [
      'Kloppen de gegevens niet? Dan kunt u vragen ze te verbeteren.',
      'Een onjuist signaal telt dan niet meer mee.',
      ...(household
        ? [
            'U kunt ook vragen het gebruik van uw gegevens te beperken.',
            'U kunt bezwaar maken tegen het gebruik van uw gegevens.',
            'Dan laat het systeem uw huishouden een tijd buiten de berekening.',
          ]
        : none),
      'Bent u het niet eens met ons antwoord? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
      s.contact ? `Heeft u vragen? Neem dan contact met ons op via ${s.contact}.` : 'Heeft u vragen? Neem dan contact op met de gemeente.',
      'Met vriendelijke groet,',
      `De privacyfunctionaris van ${s.organisation ?? 'de gemeente'}`,
    ],
  };
}
