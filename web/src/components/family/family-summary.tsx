import type { HouseholdDetail } from '@vroegsignaal/shared/api/households';
import type { TriageEvent } from '@vroegsignaal/shared/api/triage';
import { domainLabel, domainsOf, formatDate, formatDateTime, formatNumber, indicatorLabel, triageLabel } from '../../lib/format.ts';
import { whyOnList } from './explain.ts';
import { residentsChangedSentence, shownFromSentence } from './residents.ts';
import { OUTCOME_LABELS } from './outcome.ts';
import { describeEvent } from './triage-history.tsx';

// One A4 for the zorgnetwerk meeting: shown only in print (family-page.css). Its
// length is bounded whatever the household: a line per leefgebied, the newest notes, clipped.

const MAX_NOTES = 5;
const NOTE_CHARS = 280;

const clip = (text: string) => (text.length > NOTE_CHARS ? `${text.slice(0, NOTE_CHARS - 1).trimEnd()}…` : text);

/** Per leefgebied: each indicator with its number of signals and the newest date. */
function signalLines(timeline: HouseholdDetail['timeline']): { domain: string; text: string }[] {
  return domainsOf(timeline.map((s) => s.indicator)).map((domain) => {
    const byIndicator = new Map<string, { n: number; latest: string }>();
    for (const s of timeline.filter((x) => x.domain === domain)) {
      const seen = byIndicator.get(s.indicator);
      byIndicator.set(s.indicator, { n: (seen?.n ?? 0) + 1, latest: seen && seen.latest > s.observed_on ? seen.latest : s.observed_on });
    }
    const parts = [...byIndicator].map(([indicator, { n, latest }]) => `${indicatorLabel(indicator)} ${n}× (laatst ${formatDate(latest)})`);
    return { domain, text: parts.join('; ') };
  });
}

function Notes({ events }: { events: readonly TriageEvent[] }) {
  const noted = events.filter((e) => e.note).sort((a, b) => (a.at < b.at ? 1 : -1));
  if (noted.length === 0) return <p>Geen notities.</p>;
  const older = noted.length - MAX_NOTES;
  return (
    <>
      <ul className="vs-print-notes">
        {noted.slice(0, MAX_NOTES).map((e) => (
          <li key={e.id}>
            <span className="vs-print-meta">
              {formatDateTime(e.at)}, {e.by}
              {e.kind === 'note' ? '' : ` (${describeEvent(e)})`}:
            </span>{' '}
            {clip(e.note ?? '')}
          </li>
        ))}
      </ul>
      {older > 0 ? (
        <p className="vs-print-meta">
          En {older} oudere notitie{older === 1 ? '' : 's'} in Vroegsignaal.
        </p>
      ) : null}
    </>
  );
}

export function FamilySummary({ household: h, printedBy }: { household: HouseholdDetail; printedBy: string }) {
  const { composition, triage, flag } = h;
  const ages = composition.members.map((m) => `${m.age}${m.minor ? ' (kind)' : ''}`).join(', ');
  const rules = flag.rules.map((r) => `${indicatorLabel(r.indicator)} (${domainLabel(r.domain)}, ${formatNumber(r.weight)} pt)`).join('; ');
  const lines = signalLines(h.timeline);
  return (
    <section className="vs-print-summary" aria-label="Samenvatting voor het zorgnetwerk">
      <p className="vs-print-kicker">Vroegsignaal · samenvatting voor het zorgnetwerkoverleg · vertrouwelijk</p>
      <h2>
        Huishouden {h.address.postcode} {h.address.huisnummer}
        {h.address.toevoeging ? `-${h.address.toevoeging}` : ''}, wijk {h.wijk}
      </h2>
      <p>
        {composition.adults} volwassene{composition.adults === 1 ? '' : 'n'} en {composition.minors} minderjarige{composition.minors === 1 ? '' : 'n'}
        {ages ? ` (leeftijden ${ages})` : ''}. {h.weeks_on_list} {h.weeks_on_list === 1 ? 'week' : 'weken'} op de lijst.
      </p>
      {h.shown_from ? <p>{shownFromSentence(h.shown_from)}</p> : null}
      <h3>Waarom op de lijst?</h3>
      <p>{whyOnList(flag)}</p>
      <p>
        Regels die meetellen (regelset {flag.rule_set.name} versie {flag.rule_set.version}, {formatDate(flag.as_of)}): {rules || 'geen'}.
      </p>
      <h3>Signalen per leefgebied</h3>
      {lines.length ? (
        <table className="vs-print-table">
          <tbody>
            {lines.map((l) => (
              <tr key={l.domain}>
                <th scope="row">{domainLabel(l.domain)}</th>
                <td>{l.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Geen signalen bewaard.</p>
      )}
      <h3>Opvolging</h3>
      <p>
        Status: <strong>{triageLabel(triage.status)}</strong>. Toegewezen aan: <strong>{triage.assigned_to ?? 'niemand'}</strong>.{' '}
        {triage.first_contact_due ? (
          <>
            Eerste contact vóór: <strong>{formatDate(triage.first_contact_due)}</strong>.{' '}
          </>
        ) : null}{' '}
        Uitkomst: {triage.outcome ? OUTCOME_LABELS[triage.outcome].toLowerCase() : 'nog niet vastgelegd'}.
      </p>
      {triage.residents_changed && triage.shown_from ? <p>{residentsChangedSentence(triage.shown_from)}</p> : null}
      <h3>Notities</h3>
      <Notes events={triage.events} />
      <p className="vs-print-meta vs-print-footer">
        Afgedrukt op {formatDateTime(new Date().toISOString())} door {printedBy}. Een signaal is een reden om te kijken, geen besluit. Vernietig dit blad na het
        overleg.
      </p>
    </section>
  );
}
