import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { FlagItem, FlagSort } from '@vroegsignaal/shared/api/flags';
import { LeefgebiedBadges } from '../../../components/ui/leefgebied-badges.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { SortHeader, type SortDirection } from '../../../components/ui/sort-header.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { OnListBadge } from '../../../components/worklist/on-list-badge.tsx';
import { DueDate } from '../../../components/worklist/due-date.tsx';
import { paths } from '../../../config/paths.ts';
import { domainsOf, formatAddressKey, formatNumber, indicatorLabel } from '../../../lib/format.ts';

interface WorklistTableProps {
  items: readonly FlagItem[];
  busy: boolean;
  me: string;
  sort: FlagSort;
  direction: SortDirection;
  onSort: (sort: FlagSort, direction: SortDirection) => void;
}

export function WorklistTable({ items, busy, me, sort, direction, onSort }: WorklistTableProps) {
  const header = { sort, direction, onSort };
  return (
    <TableWrap caption="Signalen in mijn wijken" busy={busy}>
      <TableHeader>
        <TableRow>
          <SortHeader column="address" {...header}>
            Adres
          </SortHeader>
          <SortHeader column="wijk" {...header}>
            Wijk
          </SortHeader>
          <SortHeader column="weeks_on_list" numeric {...header}>
            Op de lijst
          </SortHeader>
          <SortHeader column="score" numeric {...header}>
            Score
          </SortHeader>
          <TableHeaderCell scope="col">Leefgebieden</TableHeaderCell>
          <TableHeaderCell scope="col">Indicatoren</TableHeaderCell>
          <TableHeaderCell scope="col">Eerste contact vóór</TableHeaderCell>
          <SortHeader column="status" {...header}>
            Status
          </SortHeader>
          <SortHeader column="assignee" {...header}>
            Toegewezen aan
          </SortHeader>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="vs-nowrap">
              <RouterLink to={paths.family.to(item.id)}>{formatAddressKey(item.household_key)}</RouterLink>
            </TableCell>
            <TableCell>{item.wijk}</TableCell>
            <TableCell className="vs-num vs-nowrap">
              <OnListBadge isNew={item.is_new} weeks={item.weeks_on_list} />
            </TableCell>
            <TableCell className="vs-num">{formatNumber(item.score)}</TableCell>
            <TableCell>
              <LeefgebiedBadges domains={domainsOf(item.indicators)} />
            </TableCell>
            <TableCell className="vs-indicators">{item.indicators.map(indicatorLabel).join(', ')}</TableCell>
            <TableCell className="vs-nowrap">
              <DueDate due={item.first_contact_due} overdue={item.overdue} urgent={item.urgent} />
            </TableCell>
            <TableCell>
              <TriageBadge status={item.triage_status} />
            </TableCell>
            <TableCell>
              {item.assigned_to === null ? <span className="vs-muted">Niemand</span> : item.assigned_to === me ? <strong>{me} (u)</strong> : item.assigned_to}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </TableWrap>
  );
}
