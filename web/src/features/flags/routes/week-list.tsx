import { Button } from '@utrecht/component-library-react';
import type { FlagsQuery, RunSummary } from '@vroegsignaal/shared/api/flags';
import type { TriageStatus } from '@vroegsignaal/shared/api/triage';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorMessage, Loading, QueryState } from '../../../components/ui/query-state.tsx';
import type { SortDirection } from '../../../components/ui/sort-header.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useExportFlags } from '../api/export-flags.ts';
import { flagsQueryOptions } from '../api/get-flags.ts';
import { runsQueryOptions } from '../api/get-runs.ts';
import { wijkNamesQueryOptions } from '../api/get-wijken.ts';
import { AssignBar } from '../components/assign-bar.tsx';
import { FlagFilters, type FlagFilterValues } from '../components/flag-filters.tsx';
import { FlagTable, type FlagSort } from '../components/flag-table.tsx';

const PAGE_SIZE = 50;
const SORTS: readonly FlagSort[] = ['score', 'weeks_on_list', 'address', 'wijk', 'domains'];

/** The coordinator's Monday review: the flags of one week with filters, selection, assignment and export. */
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

function useListState(newestRun: number) {
  const [params, setParams] = useSearchParams();
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'score';
  const state = {
    filters: {
      run: Number(params.get('week') ?? newestRun),
      wijk: params.get('wijk') ?? '',
      status: params.get('status') ?? '',
      indicator: params.get('indicator') ?? '',
      newOnly: params.get('nieuw') === '1',
    } satisfies FlagFilterValues,
    sort,
    direction: (params.get('volgorde') === 'asc' ? 'asc' : 'desc') as SortDirection,
    page: Math.max(1, Number(params.get('pagina') ?? 1) || 1),
  };
  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v === null || v === '') next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });
  return { ...state, update };
}

function WeekList({ runs }: { runs: readonly RunSummary[] }) {
  const newest = runs.reduce((a, b) => (a.as_of > b.as_of ? a : b));
  const { filters, sort, direction, page, update } = useListState(newest.id);
  const run = runs.find((r) => r.id === filters.run) ?? newest;
  const query: FlagsQuery = {
    wijk: filters.wijk || undefined,
    status: (filters.status || undefined) as TriageStatus | undefined,
    indicator: filters.indicator || undefined,
    kind: filters.newOnly ? 'new' : undefined,
    sort,
    order: direction,
    page,
    page_size: PAGE_SIZE,
  };
  const flags = useQuery(flagsQueryOptions(run.id, query));
  const wijken = useQuery(wijkNamesQueryOptions());
  const exportFlags = useExportFlags();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [selectedKeys, setSelectedKeys] = useState<ReadonlyMap<number, string>>(new Map());
  const onSelect = (ids: readonly number[], on: boolean) => {
    const keyOf = new Map((flags.data?.items ?? []).map((i) => [i.id, i.household_key]));
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
    setSelectedKeys((prev) => {
      const next = new Map(prev);
      for (const id of ids) {
        if (on) next.set(id, keyOf.get(id) ?? '');
        else next.delete(id);
      }
      return next;
    });
  };
  const clearSelection = () => {
    setSelected(new Set());
    setSelectedKeys(new Map());
  };
  const onFilters = (changes: Partial<FlagFilterValues>) => {
    clearSelection();
    update({
      ...(changes.run !== undefined ? { week: String(changes.run) } : {}),
      ...(changes.wijk !== undefined ? { wijk: changes.wijk } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.indicator !== undefined ? { indicator: changes.indicator } : {}),
      ...(changes.newOnly !== undefined ? { nieuw: changes.newOnly ? '1' : null } : {}),
      pagina: null,
    });
  };
  return (
    <>
      <FlagFilters values={{ ...filters, run: run.id }} runs={runs} wijken={wijken.data ?? []} onChange={onFilters} />
      <div className="vs-toolbar">
        <p aria-live="polite">
          Week van {formatDate(run.as_of)} · regelset {run.rule_set_name} versie {run.rule_set_version} · {run.flags} signalen, waarvan {run.new_flags} nieuw
        </p>
        <div className="vs-toolbar__actions">
          <AssignBar selected={[...selected]} onDone={clearSelection} />
          <Button appearance="secondary-action-button" busy={exportFlags.isPending} onClick={() => exportFlags.mutate({ runId: run.id, asOf: run.as_of, householdKeys: [...selectedKeys.values()] })}>
            {selected.size ? `Exporteer selectie (${selected.size}, CSV)` : 'Exporteer de week (CSV)'}
          </Button>
        </div>
      </div>
      {exportFlags.isError ? <ErrorMessage error={exportFlags.error} title="Exporteren mislukt" /> : null}
      {flags.isPending ? <Loading /> : null}
      {flags.isError ? <ErrorMessage error={flags.error} /> : null}
      {flags.data && flags.data.items.length === 0 ? <EmptyState>Geen signalen die aan de filters voldoen.</EmptyState> : null}
      {flags.data && flags.data.items.length > 0 ? (
        <>
          <FlagTable
            items={flags.data.items}
            busy={flags.isFetching}
            sort={sort}
            direction={direction}
            onSort={(s, d) => update({ sort: s, volgorde: d, pagina: null })}
            selected={selected}
            onSelect={onSelect}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={flags.data.total} onPage={(p) => update({ pagina: String(p) })} />
        </>
      ) : null}
    </>
  );
}
