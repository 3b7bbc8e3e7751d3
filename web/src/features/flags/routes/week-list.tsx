import { Button } from '@utrecht/component-library-react';
import { FLAG_SORTS, type FlagSort, type FlagsExportBody, type RunSummary } from '@vroegsignaal/shared/api/flags';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorMessage, Loading, QueryState } from '../../../components/ui/query-state.tsx';
import type { SortDirection } from '../../../components/ui/sort-header.tsx';
import { AddressSearch } from '../../../components/worklist/address-search.tsx';
import { weekRangeOf, weekRangeQuery } from '../../../components/worklist/on-list-badge.tsx';
import { PageSizeSelect, pageSizeOf } from '../../../components/worklist/page-size.tsx';
import { StatusCounts } from '../../../components/worklist/status-counts.tsx';
import { useListParams, type ListParams } from '../../../hooks/use-list-params.ts';
import { useUser } from '../../../lib/auth.ts';
import { formatDate } from '../../../lib/format.ts';
import { useExportFlags } from '../api/export-flags.ts';
import { assigneesQueryOptions } from '../api/get-assignees.ts';
import { flagsQueryOptions } from '../api/get-flags.ts';
import { runsQueryOptions } from '../api/get-runs.ts';
import { wijkNamesQueryOptions } from '../api/get-wijken.ts';
import { AgendaBar } from '../components/agenda-bar.tsx';
import { AssignBar } from '../components/assign-bar.tsx';
import { FlagFilters, NOBODY, type FlagFilterValues } from '../components/flag-filters.tsx';
import { FlagTable } from '../components/flag-table.tsx';

/** The coordinator's Monday review: the flags of one week with search, filters, selection, assignment and export. */
export default function WeekListRoute() {
  const runs = useQuery(runsQueryOptions());
  return (
    <>
      <PageTitle title="Signalen van de week" intro="Huishoudens op de lijst van deze week. Een signaal is een reden om te kijken, geen besluit." />
      <QueryState query={runs} isEmpty={(r) => r.length === 0} empty="Er is nog geen scoring gedraaid: er zijn nog geen signalen.">
        {(list) => <WeekList runs={list} />}
      </QueryState>
    </>
  );
}

const PARAM: Record<Exclude<keyof FlagFilterValues, 'run'>, string> = {
  wijk: 'wijk',
  status: 'status',
  indicator: 'indicator',
  weeks: 'op-de-lijst',
  assignee: 'toegewezen',
  minScore: 'score-vanaf',
  maxScore: 'score-tot',
  hideClosed: 'zonder-afgesloten',
  overdue: 'termijn-verstreken',
};

function readState(p: ListParams, newestRun: number) {
  const filters: FlagFilterValues = {
    run: Number(p.get('week') ?? newestRun),
    wijk: p.get(PARAM.wijk) ?? '',
    status: p.get(PARAM.status) ?? '',
    indicator: p.get(PARAM.indicator) ?? '',
    weeks: weekRangeOf(p.get(PARAM.weeks)),
    assignee: p.get(PARAM.assignee) ?? '',
    minScore: p.get(PARAM.minScore) ?? '',
    maxScore: p.get(PARAM.maxScore) ?? '',
    hideClosed: p.get(PARAM.hideClosed) === '1',
    overdue: p.get(PARAM.overdue) === '1',
  };
  const sort: FlagSort = FLAG_SORTS.find((s) => s === p.get('sort')) ?? 'score';
  const direction: SortDirection = p.get('volgorde') === 'asc' ? 'asc' : 'desc';
  return { filters, sort, direction, page: Math.max(1, Number(p.get('pagina') ?? 1) || 1), pageSize: pageSizeOf(p.get('per')) };
}

/** The API's filter for the list's state (the same for the list and the export). */
function filterOf(f: FlagFilterValues, search: string): FlagsExportBody {
  const score = (v: string) => (v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
  return {
    wijk: f.wijk || undefined,
    status: (f.status || undefined) as TriageStatus | undefined,
    indicator: f.indicator || undefined,
    ...weekRangeQuery(f.weeks),
    assignee: f.assignee && f.assignee !== NOBODY ? f.assignee : undefined,
    unassigned: f.assignee === NOBODY || undefined,
    min_score: score(f.minScore),
    max_score: score(f.maxScore),
    hide_closed: f.hideClosed || undefined,
    overdue: f.overdue || undefined,
    search: search || undefined,
  };
}

interface Picked {
  householdKey: string;
  wijk: string;
}

/** The selected flags, kept across pages with what the export and the assign bar need. */
function useSelection(pickedOf: (id: number) => Picked) {
  const [selected, setSelected] = useState<ReadonlyMap<number, Picked>>(new Map());
  const onSelect = (ids: readonly number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const id of ids) {
        if (on) next.set(id, pickedOf(id));
        else next.delete(id);
      }
      return next;
    });
  return { selected, onSelect, clear: () => setSelected(new Map()) };
}

function WeekList({ runs }: { runs: readonly RunSummary[] }) {
  const user = useUser();
  const newest = runs.reduce((a, b) => (a.as_of > b.as_of ? a : b));
  const params = useListParams(`vs-lijst:${user.username}:week`);
  const { filters, sort, direction, page, pageSize } = readState(params, newest.id);
  const run = runs.find((r) => r.id === filters.run) ?? newest;
  const filter = filterOf(filters, params.search);
  const flags = useQuery(flagsQueryOptions(run.id, { ...filter, sort, order: direction, page, page_size: pageSize }));
  const wijken = useQuery(wijkNamesQueryOptions());
  const assignees = useQuery(assigneesQueryOptions());
  const exportFlags = useExportFlags();
  const shown = new Map((flags.data?.items ?? []).map((i) => [i.id, { householdKey: i.household_key, wijk: i.wijk }]));
  const selection = useSelection((id) => shown.get(id) ?? { householdKey: '', wijk: '' });
  const selectedWijken = [...new Set([...selection.selected.values()].map((p) => p.wijk))];
  const onFilters = (changes: Partial<FlagFilterValues>) => {
    selection.clear();
    const next: Record<string, string | null> = { pagina: null };
    if (changes.run !== undefined) next.week = String(changes.run);
    for (const [k, v] of Object.entries(changes)) {
      if (k !== 'run') next[PARAM[k as keyof typeof PARAM]] = typeof v === 'boolean' ? (v ? '1' : null) : String(v);
    }
    params.update(next);
  };
  const onSearch = (term: string) => {
    selection.clear();
    params.update({ pagina: null }, term);
  };
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      <AddressSearch value={params.search} onSearch={onSearch} />
      <FlagFilters
        values={{ ...filters, run: run.id }}
        runs={runs}
        wijken={wijken.data ?? []}
        assignees={(assignees.data ?? []).map((a) => a.username)}
        onChange={onFilters}
      />
      <div className="vs-toolbar">
        <p>
          Week van {formatDate(run.as_of)} · regelset {run.rule_set_name} versie {run.rule_set_version} · {run.flags} signalen, waarvan {run.new_flags} nieuw
          deze week
        </p>
        <div className="vs-toolbar__actions">
          <AssignBar selected={[...selection.selected.keys()]} wijken={selectedWijken} onDone={selection.clear} />
          <AgendaBar selected={[...selection.selected.keys()]} wijken={selectedWijken} onDone={selection.clear} />
          <Button
            appearance="secondary-action-button"
            busy={exportFlags.isPending}
            onClick={() =>
              exportFlags.mutate({ runId: run.id, asOf: run.as_of, filter, householdKeys: [...selection.selected.values()].map((p) => p.householdKey) })
            }
          >
            {selection.selected.size
              ? `Exporteer selectie (${selection.selected.size}, CSV)`
              : filtered
                ? 'Exporteer wat het filter toont (CSV)'
                : 'Exporteer de week (CSV)'}
          </Button>
          {filtered ? (
            <Button
              appearance="subtle-button"
              onClick={() => {
                selection.clear();
                params.reset();
              }}
            >
              Filters en zoekopdracht wissen
            </Button>
          ) : null}
        </div>
      </div>
      {exportFlags.isError ? <ErrorMessage error={exportFlags.error} title="Exporteren mislukt" /> : null}
      {flags.isPending ? <Loading /> : null}
      {flags.isError ? <ErrorMessage error={flags.error} /> : null}
      {flags.data ? (
        <>
          <div className="vs-list-head">
            <StatusCounts counts={flags.data.status_counts} label={filtered ? 'Aantal per status binnen het filter' : 'Aantal per status deze week'} />
            <PageSizeSelect value={pageSize} onChange={(n) => params.update({ per: n === 50 ? null : String(n), pagina: null })} />
          </div>
          {flags.data.items.length === 0 ? (
            <EmptyState>
              {params.search ? `Geen huishouden gevonden voor "${params.search}" met deze filters.` : 'Geen signalen die aan de filters voldoen.'} Pas de
              zoekopdracht of de filters aan, of kies "Filters en zoekopdracht wissen".
            </EmptyState>
          ) : (
            <>
              <p className="vs-result-count" aria-live="polite">
                {flags.data.total} {flags.data.total === 1 ? 'huishouden' : 'huishoudens'}
                {params.search ? ` gevonden voor "${params.search}"` : ''}
              </p>
              <FlagTable
                items={flags.data.items}
                busy={flags.isFetching}
                sort={sort}
                direction={direction}
                onSort={(s, d) => params.update({ sort: s, volgorde: d, pagina: null })}
                selected={new Set(selection.selected.keys())}
                onSelect={selection.onSelect}
              />
              <Pager page={page} pageSize={pageSize} total={flags.data.total} onPage={(p) => params.update({ pagina: String(p) })} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
