import type { TriageEvent } from '@vroegsignaal/shared/api/triage';
import { isReopening } from '@vroegsignaal/shared/triage';
import { formatDate, formatDateTime, triageLabel } from '../../lib/format.ts';
import { paths } from '../../config/paths.ts';
import { ROLE_LABELS } from '../../lib/roles.ts';
import { RouterLink } from '../ui/router-link.tsx';

const outcomeText = (o: TriageEvent['outcome']) => `Uitkomst: signaal ${o === 'terecht' ? 'terecht' : 'niet terecht'}`;

export function describeEvent(event: TriageEvent): string {
  if (event.kind === 'status') {
    const from = event.from_status ? triageLabel(event.from_status) : '—';
    const to = event.to_status ? triageLabel(event.to_status) : '—';
    const reopened = event.from_status && event.to_status && isReopening({ from: event.from_status, to: event.to_status });
    return `${reopened ? 'Heropend' : 'Status'}: ${from} → ${to}`;
  }
  if (event.kind === 'assignment') return event.assigned_to ? `Toegewezen aan ${event.assigned_to}` : 'Toewijzing ingetrokken';
  if (event.kind === 'outcome') return outcomeText(event.outcome);
  return 'Notitie';
}

const DISCUSSED = 'Besproken in het zorgnetwerkoverleg';

/** Only coordinators can open a meeting: the others read the fact without a link. */
function MeetingLine({ meetingId, link }: { meetingId: number; link: boolean }) {
  return <div>{link ? <RouterLink to={paths.coordinator.meeting(meetingId)}>{DISCUSSED}</RouterLink> : DISCUSSED}</div>;
}

/**
 * Who (in which role) did what and when, newest first, with the reasons and notes.
 * `linkMeetings`: the reader may open the meeting an event came from.
 */
export function TriageHistory({ events, linkMeetings = false }: { events: readonly TriageEvent[]; linkMeetings?: boolean }) {
  if (events.length === 0) return <p>Nog geen opvolging vastgelegd.</p>;
  const sorted = [...events].sort((a, b) => (a.at < b.at || (a.at === b.at && a.id < b.id) ? 1 : -1));
  return (
    <ol className="vs-timeline" aria-label="Geschiedenis van de opvolging">
      {sorted.map((e) => (
        <li key={e.id}>
          <div>
            <strong>{describeEvent(e)}</strong>
          </div>
          {e.kind === 'status' && e.outcome ? <div>{outcomeText(e.outcome)}</div> : null}
          {e.meeting_id !== null ? <MeetingLine meetingId={e.meeting_id} link={linkMeetings} /> : null}
          {e.review_on ? <div>Opnieuw bekijken op {formatDate(e.review_on)}</div> : null}
          <div className="vs-small vs-muted">
            {formatDateTime(e.at)} door {e.by}
            {e.role ? ` (${ROLE_LABELS[e.role]})` : ''}
          </div>
          {e.note ? <p className="vs-note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
