const LABELS = { green: 'Gezond', amber: 'Let op', red: 'Probleem' } as const;

/** Green/amber/red with a word, so colour is never the only cue. */
export function HealthBadge({ status }: { status: 'green' | 'amber' | 'red' }) {
  return <span className={`vs-health vs-health--${status}`}>{LABELS[status]}</span>;
}
