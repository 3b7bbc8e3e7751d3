import { Heading2, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Workload } from '@vroegsignaal/shared/api/open-work';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { OffListTable } from '../../../components/worklist/off-list-table.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { offListQueryOptions } from '../api/get-off-list.ts';
import { workloadQueryOptions } from '../api/get-workload.ts';

/** The coordinator's view of the open work: per wijkteam member, and the open cases that left the list. */
export default function OpenWorkRoute() {
  const workload = useQuery(workloadQueryOptions());
  const offList = useQuery(offListQueryOptions());
  return (
    <>
      <PageTitle title="Openstaand werk" intro="Per wijkteamlid: open zaken, eerste contacten die deze week moeten, en termijnen die verstreken zijn." />
      <section aria-labelledby="workload-title" className="vs-panel">
        <Heading2 id="workload-title">Per wijkteamlid</Heading2>
        <QueryState query={workload} isEmpty={(w) => w.length === 0} empty="Er zijn geen actieve wijkteamleden.">
          {(rows) => <WorkloadTable rows={rows} />}
        </QueryState>
      </section>
      <QueryState query={offList}>{(list) => <OffListTable items={list.items} />}</QueryState>
    </>
  );
}

function WorkloadTable({ rows }: { rows: Workload }) {
  return (
    <TableWrap caption="Openstaand werk per wijkteamlid">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Wijkteamlid</TableHeaderCell>
          <TableHeaderCell scope="col" className="vs-num">
            Open
          </TableHeaderCell>
          <TableHeaderCell scope="col" className="vs-num">
            Eerste contact deze week
          </TableHeaderCell>
          <TableHeaderCell scope="col" className="vs-num">
            Termijn verstreken
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.username}>
            <TableHeaderCell scope="row">{r.username}</TableHeaderCell>
            <TableCell className="vs-num">{formatNumber(r.open)}</TableCell>
            <TableCell className="vs-num">{formatNumber(r.due_this_week)}</TableCell>
            <TableCell className={r.overdue > 0 ? 'vs-num vs-due--overdue' : 'vs-num'}>{formatNumber(r.overdue)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </TableWrap>
  );
}
