import { formatDate } from '../../lib/format.ts';

interface DueDateProps {
  due: string | null;
  overdue: boolean;
  urgent: boolean;
}

/** The first-contact due date; a passed one stands out in words, not only in colour. */
export function DueDate({ due, overdue, urgent }: DueDateProps) {
  if (due === null) return <span className="vs-muted">Geen termijn</span>;
  return (
    <span className={overdue ? 'vs-due vs-due--overdue' : 'vs-due'}>
      {formatDate(due)}
      {overdue ? <span className="vs-badge vs-due__flag">Termijn verstreken</span> : null}
      {urgent ? <span className="vs-badge vs-due__urgent">Dringend</span> : null}
    </span>
  );
}

/** Today in the municipality's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
