import { Button } from '@utrecht/component-library-react';
import { FLAG_SORTS, type FlagSort, type FlagsSearchBody, type RunSummary } from '@vroegsignaal/shared/api/flags';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorMessage, Loading, QueryState } from '../../../components/ui/query-state.tsx';
import type { SortDirection } from '../../../components/ui/sort-header.tsx';
import { AddressSearch } from '../../../components/worklist/address-search.tsx';
import { PageSizeSelect, pageSizeOf } from '../../../components/worklist/page-size.tsx';
import { StatusCounts } from '../../../components/worklist/status-counts.tsx';
import { useListParams, type ListParams } from '../../../hooks/use-list-params.ts';
import { useUser } from '../../../lib/auth.ts';
import { formatDate } from '../../../lib/format.ts';
import { runsQueryOptions } from '../api/get-runs.ts';
import { offListQueryOptions } from '../api/get-off-list.ts';
import { OffListTable } from '../../../components/worklist/off-list-table.tsx';
import { worklistQueryOptions } from '../api/get-worklist.ts';
import { WorklistFilters, type Assignment, type WorklistFilterValues } from '../components/worklist-filters.tsx';
import { WorklistTable } from '../components/worklist-table.tsx';

/** "Mijn signalen": the wijkteam member's worklist, every flag in their wijken this week, closed cases out of the way. */
export default function MySignalsRoute() {
  const user = useUser();
  const runs = useQuery(runsQueryOptions());
  const wijken = user.wijken.length ? user.wijken.join(', ') : null;
  return (
    <>
      <PageTitle
        title="Mijn signalen"
        intro={wijken ? `De huishoudens op de lijst in uw wijken (${wijken}). Kies "Aan mij toegewezen" voor alleen uw eigen zaken.` : undefined}
      />
      {wijken === null ? (
        <EmptyState>U heeft nog geen wijken, dus hier staan geen signalen. Vraag de beheerder om uw wijken in te stellen.</EmptyState>
      ) : (
        <QueryState query={runs} isEmpty={(r) => r.length === 0} empty="Er zijn nog geen signalen: de eerste scoring heeft nog niet gedraaid.">
          {(list) => <Worklist run={list.reduce((a, b) => (a.as_of > b.as_of ? a : b))} />}
        </QueryState>
      )}
    </>
  );
}

const ASSIGNMENTS: readonly Assignment[] = ['mij', 'niemand'];

function readState(p: ListParams) {
  const assignment = ASSIGNMENTS.find((a) => a === p.get('toegewezen')) ?? '';
  const filters: WorklistFilterValues = {
    wijk: p.get('wijk') ?? '',
    assignment,
    status: p.get('status') ?? '',
    showClosed: p.get('met-afgesloten') === '1',
    overdue: p.get('termijn-verstreken') === '1',
  };
  const sort: FlagSort = FLAG_SORTS.find((s) => s === p.get('sort')) ?? 'weeks_on_list';
  const direction: SortDirection = p.get('volgorde') === 'asc' ? 'asc' : 'desc';
  return { filters, sort, direction, page: Math.max(1, Number(p.get('pagina') ?? 1) || 1), pageSize: pageSizeOf(p.get('per')) };
}

function queryOf(f: WorklistFilterValues, search: string): FlagsSearchBody {
  return {
    wijk: f.wijk || undefined,
    status: (f.status || undefined) as TriageStatus | undefined,
    assigned_to_me: f.assignment === 'mij' || undefined,
    unassigned: f.assignment === 'niemand' || undefined,
    // A status asked for by name is shown, closed or not.
    hide_closed: f.showClosed || f.status ? undefined : true,
    overdue: f.overdue || undefined,
    search: search || undefined,
  };
}

function Worklist({ run }: { run: RunSummary }) {
  const user = useUser();
  const params = useListParams(`vs-lijst:${user.username}:mijn`);
  const { filters, sort, direction, page, pageSize } = readState(params);
  const query = queryOf(filters, params.search);
  const flags = useQuery(worklistQueryOptions(run.id, { ...query, sort, order: direction, page, page_size: pageSize }));
  const offList = useQuery(offListQueryOptions());
  const onFilters = (changes: Partial<WorklistFilterValues>) => {
    const next: Record<string, string | null> = { pagina: null };
    if (changes.wijk !== undefined) next.wijk = changes.wijk;
    if (changes.assignment !== undefined) next.toegewezen = changes.assignment;
    if (changes.status !== undefined) next.status = changes.status;
    if (changes.showClosed !== undefined) next['met-afgesloten'] = changes.showClosed ? '1' : null;
    if (changes.overdue !== undefined) next['termijn-verstreken'] = changes.overdue ? '1' : null;
    params.update(next);
  };
  const narrowed = params.search !== '' || filters.wijk !== '' || filters.assignment !== '' || filters.status !== '' || filters.showClosed || filters.overdue;
  return (
    <>
      <AddressSearch value={params.search} onSearch={(term) => params.update({ pagina: null }, term)} />
      <WorklistFilters values={filters} wijken={user.wijken} onChange={onFilters} />
      <div className="vs-toolbar">
        <p>
          Week van {formatDate(run.as_of)} · {run.flags} signalen in uw wijken, waarvan {run.new_flags} nieuw deze week
        </p>
        {narrowed ? (
          <Button appearance="subtle-button" onClick={params.reset}>
            Filters en zoekopdracht wissen
          </Button>
        ) : null}
      </div>
      {flags.isPending ? <Loading /> : null}
      {flags.isError ? <ErrorMessage error={flags.error} /> : null}
      {flags.data ? (
        <>
          <div className="vs-list-head">
            <StatusCounts counts={flags.data.status_counts} label="Aantal per status in uw wijken" />
            <PageSizeSelect value={pageSize} onChange={(n) => params.update({ per: n === 50 ? null : String(n), pagina: null })} />
          </div>
          {flags.data.items.length === 0 ? (
            <EmptyState>{emptyMessage(filters, params.search, run.flags)}</EmptyState>
          ) : (
            <>
              <p className="vs-result-count" aria-live="polite">
                {flags.data.total} {flags.data.total === 1 ? 'huishouden' : 'huishoudens'}
                {filters.showClosed || filters.status ? '' : ' (afgesloten zaken niet getoond)'}
              </p>
              <WorklistTable
                items={flags.data.items}
                busy={flags.isFetching}
                me={user.username}
                sort={sort}
                direction={direction}
                onSort={(s, d) => params.update({ sort: s, volgorde: d, pagina: null })}
              />
              <Pager page={page} pageSize={pageSize} total={flags.data.total} onPage={(p) => params.update({ pagina: String(p) })} />
            </>
          )}
        </>
      ) : null}
      {offList.data ? <OffListTable items={offList.data.items} /> : null}
    </>
  );
}

/** What to do when the list is empty, for each reason it can be. */
function emptyMessage(f: WorklistFilterValues, search: string, inWijken: number): string {
  if (inWijken === 0)
    return 'Er staan deze week geen huishoudens uit uw wijken op de lijst. U hoeft nu niets te doen; na de volgende scoring ziet u hier de nieuwe signalen.';
  if (search) return `Geen huishouden in uw wijken gevonden voor "${search}". Controleer postcode en huisnummer, of wis de zoekopdracht.`;
  if (f.assignment === 'mij')
    return 'Er is deze week nog niets aan u toegewezen. Kies "Alle signalen in mijn wijken" om een huishouden op te pakken, of vraag de coördinator om toewijzing.';
  if (!f.showClosed && !f.status && !f.wijk && !f.assignment)
    return 'Alle signalen in uw wijken zijn afgesloten. Vink "Afgesloten zaken tonen" aan om ze te zien.';
  return 'Geen signalen die aan de filters voldoen. Pas de filters aan of kies "Filters en zoekopdracht wissen".';
}
