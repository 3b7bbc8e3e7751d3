import { domainLabel } from '../../lib/format.ts';

/** The leefgebieden (domains) of a flag as small badges. */
export function LeefgebiedBadges({ domains }: { domains: readonly string[] }) {
  if (domains.length === 0) return <span>—</span>;
  return (
    <ul className="vs-badges" aria-label="Leefgebieden">
      {domains.map((d) => (
        <li key={d} className={`vs-badge vs-badge--${d}`}>
          {domainLabel(d)}
        </li>
      ))}
    </ul>
  );
}
