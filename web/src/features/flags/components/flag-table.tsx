import { Checkbox, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { FlagItem, FlagSort } from '@vroegsignaal/shared/api/flags';
import { LeefgebiedBadges } from '../../../components/ui/leefgebied-badges.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { SortHeader, type SortDirection } from '../../../components/ui/sort-header.tsx';
import { Sparkline } from '../../../components/ui/sparkline.tsx';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { paths } from '../../../config/paths.ts';
import { domainsOf, formatAddressKey, formatNumber, indicatorLabel } from '../../../lib/format.ts';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { OnListBadge } from '../../../components/worklist/on-list-badge.tsx';
import { DueDate } from '../../../components/worklist/due-date.tsx';

export type { FlagSort };

interface FlagTableProps {
  items: readonly FlagItem[];
  /** True while newer rows are being fetched (the old ones stay visible). */
  busy: boolean;
  sort: FlagSort;
  direction: SortDirection;
  onSort: (sort: FlagSort, direction: SortDirection) => void;
  selected: ReadonlySet<number>;
  onSelect: (ids: readonly number[], selected: boolean) => void;
}

/** Recent scores when the API sends them (FlagItem.recent_scores); otherwise no sparkline. */
function recentScores(item: FlagItem): number[] {
  const scores = (item as FlagItem & { recent_scores?: unknown }).recent_scores;
  return Array.isArray(scores) ? scores.filter((s): s is number => typeof s === 'number') : [];
}

export function FlagTable({ items, busy, sort, direction, onSort, selected, onSelect }: FlagTableProps) {
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const withTrend = items.some((i) => recentScores(i).length > 0);
  const header = { sort, direction, onSort };
  return (
    <TableWrap caption="Signalen van de week" busy={busy}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">
            <Checkbox
              aria-label="Alle signalen op deze pagina selecteren"
              checked={allSelected}
              onChange={(e) =>
                onSelect(
                  items.map((i) => i.id),
                  e.target.checked,
                )
              }
            />
          </TableHeaderCell>
          <SortHeader column="address" {...header}>
            Adres
          </SortHeader>
          <SortHeader column="wijk" {...header}>
            Wijk
          </SortHeader>
          <SortHeader column="score" numeric {...header}>
            Score
          </SortHeader>
          <SortHeader column="domains" numeric {...header}>
            Leefgebieden
          </SortHeader>
          <TableHeaderCell scope="col">Indicatoren</TableHeaderCell>
          <SortHeader column="weeks_on_list" numeric {...header}>
            Op de lijst
          </SortHeader>
          {withTrend ? <TableHeaderCell scope="col">Verloop</TableHeaderCell> : null}
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
          <FlagRow key={item.id} item={item} withTrend={withTrend} selected={selected.has(item.id)} onSelect={(on) => onSelect([item.id], on)} />
        ))}
      </TableBody>
    </TableWrap>
  );
}

interface FlagRowProps {
  item: FlagItem;
  withTrend: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}

function FlagRow({ item, withTrend, selected, onSelect }: FlagRowProps) {
  const address = formatAddressKey(item.household_key);
  return (
    <TableRow>
      <TableCell>
        <Checkbox aria-label={`Selecteer ${address}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </TableCell>
      <TableCell className="vs-nowrap">
        <RouterLink to={paths.family.to(item.id)}>{address}</RouterLink>
        <div className="vs-small vs-muted">
          {item.adults} volw., {item.minors} kind{item.minors === 1 ? '' : 'eren'}
        </div>
      </TableCell>
      <TableCell>{item.wijk}</TableCell>
      <TableCell className="vs-num">{formatNumber(item.score)}</TableCell>
      <TableCell>
        <LeefgebiedBadges domains={domainsOf(item.indicators)} />
      </TableCell>
      <TableCell className="vs-indicators">{item.indicators.map(indicatorLabel).join(', ')}</TableCell>
      <TableCell className="vs-num vs-nowrap">
        <OnListBadge isNew={item.is_new} weeks={item.weeks_on_list} />
      </TableCell>
      {withTrend ? (
        <TableCell>
          <Sparkline values={recentScores(item)} label={`Score van ${address} over de laatste weken`} />
        </TableCell>
      ) : null}
      <TableCell className="vs-nowrap">
        <DueDate due={item.first_contact_due} overdue={item.overdue} urgent={item.urgent} />
      </TableCell>
      <TableCell>
        <TriageBadge status={item.triage_status} />
      </TableCell>
      <TableCell>{item.assigned_to ?? <span className="vs-muted">Niemand</span>}</TableCell>
    </TableRow>
  );
}
