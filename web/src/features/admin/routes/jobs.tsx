import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { JOB_OUTCOME_LABELS, JOB_TRIGGER_LABELS, describeJobRun, jobLabel } from '@vroegsignaal/shared/api/job-details';
import type { JobOutcome, JobRunItem, JobsQuery } from '@vroegsignaal/shared/api/operations';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { jobRunsQueryOptions } from '../api/get-job-runs.ts';
import { HealthBadge } from '../components/health-badge.tsx';
import { JobFilters, type JobFilterValues } from '../components/job-filters.tsx';
import '../admin.css';

const PAGE_SIZE = 25;
const STATUS = { ok: 'green', failed: 'red', running: 'amber' } as const;
const OUTCOMES: readonly string[] = ['ok', 'failed', 'running'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters live in the address, so a source can link to its failed pulls and the back button keeps them. */
function useJobFilters() {
  const [params, setParams] = useSearchParams();
  const date = (key: string) => (DATE.test(params.get(key) ?? '') ? params.get(key)! : '');
  const values: JobFilterValues = {
    job: params.get('taak') ?? '',
    outcome: OUTCOMES.includes(params.get('uitkomst') ?? '') ? params.get('uitkomst')! : '',
    from: date('van'),
    to: date('tot'),
    idle: params.get('alles') === '1',
  };
  const page = Math.max(1, Number(params.get('pagina') ?? 1) || 1);
  const names = { job: 'taak', outcome: 'uitkomst', from: 'van', to: 'tot', idle: 'alles' } as const;
  const update = (changes: Partial<JobFilterValues> & { page?: number }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          const name = k === 'page' ? 'pagina' : names[k as keyof JobFilterValues];
          const text = v === true ? '1' : v === false ? '' : String(v);
          if (text === '' || (k === 'page' && v === 1)) next.delete(name);
          else next.set(name, text);
        }
        if (changes.page === undefined) next.delete('pagina');
        return next;
      },
      { replace: true },
    );
  return { values, page, update };
}

/** The scheduler's job runs: filtered, paged, failures marked and explained in Dutch. */
export default function JobsRoute() {
  const { values, page, update } = useJobFilters();
  const query: JobsQuery = {
    job: values.job || undefined,
    outcome: (values.outcome || undefined) as JobOutcome | undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    skip_idle: values.idle ? undefined : true,
    page,
    page_size: PAGE_SIZE,
  };
  const jobs = useQuery(jobRunsQueryOptions(query));
  // How many of the selection failed, whichever page is shown: failures must not hide on page 4.
  const failures = useQuery({ ...jobRunsQueryOptions({ ...query, outcome: 'failed', skip_idle: undefined, page: 1, page_size: 1 }), enabled: !values.outcome });
  return (
    <>
      <PageTitle
        title="Taken"
        intro="Geplande en handmatige taken: ophalen van bronnen, de wekelijkse berekening en het opschonen. Ophaalrondes die niets nieuws vonden staan er alleen op als u dat kiest."
      />
      <JobFilters values={values} jobs={jobs.data?.jobs ?? []} onChange={update} />
      {!values.outcome && failures.data && failures.data.total > 0 ? (
        <Alert type="warning">
          <Paragraph>
            {failures.data.total === 1 ? '1 taak is mislukt' : `${failures.data.total.toLocaleString('nl-NL')} taken zijn mislukt`} in deze selectie.{' '}
            <Button appearance="subtle-button" onClick={() => update({ outcome: 'failed' })}>
              Toon alleen de mislukte taken
            </Button>
          </Paragraph>
        </Alert>
      ) : null}
      <QueryState query={jobs} isEmpty={(j) => j.items.length === 0} empty="Geen taken gevonden met deze keuzes.">
        {(data) => (
          <>
            <p className="vs-small" role="status">
              {data.total === 1 ? '1 taak gevonden.' : `${data.total.toLocaleString('nl-NL')} taken gevonden.`}
            </p>
            <SimpleTable
              caption="Taken"
              rows={data.items}
              rowKey={(j) => j.id}
              rowClassName={(j) => (j.outcome === 'failed' ? 'vs-row--failed' : undefined)}
              columns={[
                { header: 'Taak', cell: (j: JobRunItem) => jobLabel(j.job) },
                { header: 'Uitkomst', cell: outcomeCell },
                { header: 'Gestart', cell: (j: JobRunItem) => <span className="vs-nowrap">{formatDateTime(j.started_at)}</span> },
                { header: 'Aanleiding', cell: (j: JobRunItem) => JOB_TRIGGER_LABELS[j.trigger] ?? j.trigger },
                { header: 'Wat er gebeurde', cell: (j: JobRunItem) => <span className="vs-job-details">{describeJobRun(j)}</span> },
              ]}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={(p) => update({ page: p })} />
          </>
        )}
      </QueryState>
    </>
  );
}

function outcomeCell(j: JobRunItem) {
  const status = STATUS[j.outcome as keyof typeof STATUS];
  return status ? <HealthBadge status={status} label={JOB_OUTCOME_LABELS[j.outcome]} /> : j.outcome;
}
