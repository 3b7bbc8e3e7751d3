import { formatInstant, NO_ROLE, SMALL_CELLS, type DpiaFacts } from './dpia-factsheet.ts';

// The DPIA fact sheet as Markdown; the PDF is drawn from the same lines.

const KIND_LABELS: Record<string, string> = {
  created: 'aangemaakt',
  edited: 'bewerkt',
  requested: 'publicatie aangevraagd',
  withdrawn: 'aanvraag ingetrokken',
  voided: 'aanvraag vervallen door bewerking',
  approved: 'goedgekeurd',
  published: 'gepubliceerd via beheer',
};

const OUTCOMES: Record<string, string> = { success: 'gelukt', denied: 'geweigerd', failure: 'mislukt' };

/** A table cell: no pipes or line breaks. */
const cell = (v: string | number | null) =>
  String(v ?? '')
    .replace(/\|/g, '/')
    .replace(/\s*\n\s*/g, ' ');
const table = (header: string[], rows: (string | number | null)[][]) => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1).replace('.', ',')}%`);

function sources(f: DpiaFacts): string[] {
  const lines = [
    '## Gegevenscategorieën per bron',
    '',
    'Uit de basisregistratie personen: geboortedatum, adres en wijk. Het BSN wordt niet opgeslagen, alleen een sleutel die ervan is afgeleid (HMAC-SHA-256). Namen, nationaliteit en etniciteit worden niet verwerkt.',
    '',
  ];
  if (f.sources.length === 0) return [...lines, 'Er zijn geen actieve bronnen ingesteld.', ''];
  const rows = f.sources.flatMap((s) => s.categories.map((c) => [s.name, c.label, c.domain, c.meaning]));
  return [...lines, ...table(['Bron', 'Gegeven', 'Leefgebied', 'Waarde'], rows), ''];
}

function access(f: DpiaFacts): string[] {
  const lines = [
    '## Rollen en hun toegang in de periode',
    '',
    `Aantallen uit het auditlog van ${f.period.from} tot en met ${f.period.to} (UTC-dagen); "${NO_ROLE}" zijn verzoeken zonder ingelogde gebruiker (zoals mislukte inlogpogingen).`,
    '',
  ];
  if (f.access.length === 0) return [...lines, 'Geen auditregels in deze periode.', ''];
  lines.push(
    ...table(
      ['Rol', 'Auditregels'],
      f.access.map((a) => [a.role, a.total]),
    ),
    '',
  );
  for (const a of f.access) {
    lines.push(
      `### ${a.role}`,
      '',
      ...table(
        ['Handeling', 'Uitkomst', 'Aantal'],
        a.events.map((e) => [`${e.description} (${e.event})`, OUTCOMES[e.outcome] ?? e.outcome, e.n]),
      ),
      '',
    );
  }
  return lines;
}

function ruleSets(f: DpiaFacts, tz: string): string[] {
  const lines = ['## Geschiedenis van de regelsets', ''];
  if (f.ruleSets.length === 0) return [...lines, 'Er is nog geen regelset gepubliceerd.', ''];
  for (const r of f.ruleSets) {
    lines.push(`### ${r.name}, versie ${r.version}`, '', `Gepubliceerd: ${r.published_at ? formatInstant(r.published_at, tz) : 'onbekend'}. ${r.approval}`);
    if (r.reason) lines.push('', `Reden van goedkeuring: ${cell(r.reason)}`);
    lines.push(
      '',
      ...table(
        ['Moment', 'Stap', 'Rol'],
        r.events.map((e) => [formatInstant(e.at, tz), KIND_LABELS[e.kind] ?? e.kind, e.role]),
      ),
      '',
    );
  }
  return lines;
}

function quarantine(f: DpiaFacts): string[] {
  const lines = [
    '## Quarantaine per bron',
    '',
    'Rijen die bij het inlezen werden afgekeurd (ongeldig BSN, adres of datum), per leverende bron in de periode.',
    '',
  ];
  if (f.quarantine.length === 0) return [...lines, 'Geen leveringen in deze periode.', ''];
  return [
    ...lines,
    ...table(
      ['Bron', 'Leveringen', 'Rijen gelezen', 'In quarantaine', 'Aandeel'],
      f.quarantine.map((q) => [q.source, q.deliveries, q.read_rows, q.quarantined, percent(q.quarantined, q.read_rows)]),
    ),
    '',
  ];
}

function fairness(f: DpiaFacts): string[] {
  const lines = ['## Oververtegenwoordiging per wijk', ''];
  const w = f.fairness;
  if (!w) return [...lines, 'Geen scoringsronde in deze periode.', ''];
  lines.push(
    `Scoringsronde van ${w.as_of}: ${w.total_flags} signaleringen onder ${w.total_gezinshuishoudens} gezinshuishoudens. Aantallen volgens de regels voor kleine aantallen; oververtegenwoordiging boven 1 betekent dat de wijk een groter aandeel van de signaleringen heeft dan van de gezinnen.`,
    '',
  );
  return [
    ...lines,
    ...table(
      ['Wijk', 'Signaleringen', 'Gezinshuishoudens', 'Oververtegenwoordiging'],
      w.wijken.map((x) => [
        x.wijk,
        x.flags,
        x.gezinshuishoudens,
        x.over_representation === null ? 'verborgen' : String(x.over_representation).replace('.', ','),
      ]),
    ),
    '',
  ];
}

export function dpiaMarkdown(f: DpiaFacts, timeZone: string): string {
  return [
    `# DPIA-feitenblad Vroegsignaal${f.organisation ? `, ${f.organisation}` : ''}`,
    '',
    `Periode: ${f.period.from} tot en met ${f.period.to}. Gemaakt op ${formatInstant(f.generatedAt, timeZone)} uit de gegevens van het systeem zelf.`,
    '',
    ...sources(f),
    ...access(f),
    '## Bewaartermijnen',
    '',
    ...table(
      ['Gegevens', 'Bewaard (dagen)'],
      f.retention.map((r) => [r.what, r.days]),
    ),
    '',
    '## Regels voor kleine aantallen',
    '',
    SMALL_CELLS,
    '',
    ...ruleSets(f, timeZone),
    ...quarantine(f),
    ...fairness(f),
  ].join('\n');
}
