import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { formatNumber, triageLabel } from '../../lib/format.ts';

interface StatusCountsProps {
  counts: Readonly<Record<string, number>>;
  /** What the counts are of, read before them by screen readers. */
  label: string;
}

/** How many households have each triage status, above the list (no Tab stops: plain text). */
export function StatusCounts({ counts, label }: StatusCountsProps) {
  return (
    <ul className="vs-status-counts" aria-label={label}>
      {TRIAGE_STATUSES.map((s) => (
        <li key={s} className={`vs-status vs-status--${s}`}>
          {triageLabel(s)}: <strong>{formatNumber(counts[s] ?? 0)}</strong>
        </li>
      ))}
    </ul>
  );
}
