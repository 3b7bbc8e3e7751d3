import { TableCell, TableHeaderCell } from '@utrecht/component-library-react';
import type { FlagItem, FlagSort } from '@vroegsignaal/shared/api/flags';
import { domainsOf, formatNumber, indicatorLabel } from '../../lib/format.ts';
import { LeefgebiedBadges } from '../ui/leefgebied-badges.tsx';
import { SortHeader, type SortDirection } from '../ui/sort-header.tsx';
import { TriageBadge } from '../ui/triage-badge.tsx';
import { DueDate } from './due-date.tsx';

// The columns the coordinator's week list and the wijkteam's list share, so both show a flag alike.

interface FlagSortProps {
  sort: FlagSort;
  direction: SortDirection;
  onSort: (sort: FlagSort, direction: SortDirection) => void;
}

/** The headers of the follow-up columns: the first-contact due date, then the sortable status and assignee. */
export function TriageSortHeaders(header: FlagSortProps) {
  return (
    <>
      <TableHeaderCell scope="col">Eerste contact vóór</TableHeaderCell>
      <SortHeader column="status" {...header}>
        Status
      </SortHeader>
      <SortHeader column="assignee" {...header}>
        Toegewezen aan
      </SortHeader>
    </>
  );
}

/** Why a household is on the list: its score, its leefgebieden and its indicators. */
export function SignalCells({ item }: { item: FlagItem }) {
  return (
    <>
      <TableCell className="vs-num">{formatNumber(item.score)}</TableCell>
      <TableCell>
        <LeefgebiedBadges domains={domainsOf(item.indicators)} />
      </TableCell>
      <TableCell className="vs-indicators">{item.indicators.map(indicatorLabel).join(', ')}</TableCell>
    </>
  );
}

/** The follow-up: its first-contact due date, triage status and who it is assigned to; `me`, when given, is marked as "(u)". */
export function TriageCells({ item, me }: { item: FlagItem; me?: string }) {
  const assignee = item.assigned_to;
  return (
    <>
      <TableCell className="vs-nowrap">
        <DueDate due={item.first_contact_due} overdue={item.overdue} urgent={item.urgent} />
      </TableCell>
      <TableCell>
        <TriageBadge status={item.triage_status} />
      </TableCell>
      <TableCell>{assignee === null ? <span className="vs-muted">Niemand</span> : assignee === me ? <strong>{me} (u)</strong> : assignee}</TableCell>
    </>
  );
}
