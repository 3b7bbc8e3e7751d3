import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { FlagItem, RunSummary } from '@vroegsignaal/shared/api/flags';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LeefgebiedBadges } from '../../../components/ui/leefgebied-badges.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { paths } from '../../../config/paths.ts';
import { useUser } from '../../../lib/auth.ts';
import { domainsOf, formatAddressKey, formatDate, formatNumber, indicatorLabel } from '../../../lib/format.ts';
import { myFlagsQueryOptions } from '../api/get-my-flags.ts';
import { runsQueryOptions } from '../api/get-runs.ts';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';

/** "Mijn signalen": what is assigned to me in the newest week, oldest first. */
export default function MySignalsRoute() {
  const user = useUser();
  const runs = useQuery(runsQueryOptions());
  return (
    <>
      <PageTitle title="Mijn signalen" intro={`Aan u toegewezen signalen${user.wijken.length ? ` in ${user.wijken.join(', ')}` : ''}, het langst op de lijst bovenaan.`} />
      <QueryState query={runs} isEmpty={(r) => r.length === 0} empty="Er zijn nog geen signalen.">
        {(list) => <MyFlags run={list.reduce((a, b) => (a.as_of > b.as_of ? a : b))} />}
      </QueryState>
    </>
  );
}

function MyFlags({ run }: { run: RunSummary }) {
  const [page, setPage] = useState(1);
  const flags = useQuery(myFlagsQueryOptions(run.id, page));
  return (
    <>
      <p>Week van {formatDate(run.as_of)}</p>
      <QueryState query={flags} isEmpty={(f) => f.items.length === 0} empty="Er zijn deze week geen signalen aan u toegewezen.">
        {(data) => (
          <>
            <TableWrap caption="Mijn signalen">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Adres</TableHeaderCell>
                  <TableHeaderCell scope="col">Wijk</TableHeaderCell>
                  <TableHeaderCell scope="col">Op de lijst</TableHeaderCell>
                  <TableHeaderCell scope="col" className="vs-num">Score</TableHeaderCell>
                  <TableHeaderCell scope="col">Leefgebieden</TableHeaderCell>
                  <TableHeaderCell scope="col">Indicatoren</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.items.map((item) => (
                  <MyFlagRow key={item.id} item={item} />
                ))}
              </TableBody>
            </TableWrap>
            <Pager page={page} pageSize={data.page_size} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

function MyFlagRow({ item }: { item: FlagItem }) {
  return (
    <TableRow>
      <TableCell className="vs-nowrap">
        <RouterLink to={paths.family.to(item.id)}>{formatAddressKey(item.household_key)}</RouterLink>
      </TableCell>
      <TableCell>{item.wijk}</TableCell>
      <TableCell className="vs-nowrap">{item.is_new ? <span className="vs-new">Nieuw</span> : `${item.weeks_on_list} weken`}</TableCell>
      <TableCell className="vs-num">{formatNumber(item.score)}</TableCell>
      <TableCell>
        <LeefgebiedBadges domains={domainsOf(item.indicators)} />
      </TableCell>
      <TableCell className="vs-indicators">{item.indicators.map(indicatorLabel).join(', ')}</TableCell>
      <TableCell>
        <TriageBadge status={item.triage_status} />
      </TableCell>
    </TableRow>
  );
}
