import type { TriageEvent } from '@vroegsignaal/shared/api/triage';
import { formatDateTime, triageLabel } from '../../../lib/format.ts';

function describe(event: TriageEvent): string {
  if (event.kind === 'status') return `Status: ${event.from_status ? triageLabel(event.from_status) : '—'} → ${event.to_status ? triageLabel(event.to_status) : '—'}`;
  if (event.kind === 'assignment') return event.assigned_to ? `Toegewezen aan ${event.assigned_to}` : 'Toewijzing ingetrokken';
  if (event.kind === 'outcome') return `Uitkomst: signaal ${event.outcome === 'terecht' ? 'terecht' : 'niet terecht'}`;
  return 'Notitie';
}

/** Who did what and when, newest first, with the notes. */
export function TriageHistory({ events }: { events: readonly TriageEvent[] }) {
  if (events.length === 0) return <p>Nog geen opvolging vastgelegd.</p>;
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <ol className="vs-timeline" aria-label="Geschiedenis van de opvolging">
      {sorted.map((e) => (
        <li key={e.id}>
          <div>
            <strong>{describe(e)}</strong>
          </div>
          <div className="vs-small vs-muted">
            {formatDateTime(e.at)} door {e.by}
          </div>
          {e.note ? <p className="vs-note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
