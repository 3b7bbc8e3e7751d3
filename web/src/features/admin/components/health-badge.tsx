const LABELS = { green: 'Gezond', amber: 'Let op', red: 'Probleem' } as const;

/** Green/amber/red with a word, so colour is never the only cue. */
export function HealthBadge({ status, label }: { status: 'green' | 'amber' | 'red'; label?: string }) {
  return <span className={`vs-health vs-health--${status}`}>{label ?? LABELS[status]}</span>;
}
