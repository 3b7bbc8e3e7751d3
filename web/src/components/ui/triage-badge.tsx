import { triageLabel } from '../../lib/format.ts';

export function TriageBadge({ status }: { status: string }) {
  return <span className={`vs-status vs-status--${status}`}>{triageLabel(status)}</span>;
}
