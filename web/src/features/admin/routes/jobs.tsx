import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { jobRunsQueryOptions } from '../api/get-job-runs.ts';
import type { JobRunView } from '../api/source-types.ts';
import { HealthBadge } from '../components/health-badge.tsx';

const OUTCOME = { ok: 'green', failed: 'red', running: 'amber' } as const;
const OUTCOME_LABEL = { ok: 'Gelukt', failed: 'Mislukt', running: 'Bezig' } as const;
const TRIGGER_LABEL: Record<string, string> = { schedule: 'Gepland', manual: 'Handmatig', backfill: 'Inhalen' };

function jobLabel(job: string): string {
  if (job.startsWith('pull:')) return `Ophalen ${job.slice(5)}`;
  if (job === 'scoring') return 'Wekelijkse berekening';
  if (job === 'retention') return 'Bewaartermijnen';
  return job;
}

/** The scheduler's recent job runs. */
export default function JobsRoute() {
  const jobs = useQuery(jobRunsQueryOptions());
  return (
    <>
      <PageTitle title="Taken" intro="De laatste geplande en handmatige taken: ophalen van bronnen, de wekelijkse berekening en het opschonen." />
      <QueryState query={jobs} isEmpty={(j) => j.length === 0} empty="Er zijn nog geen taken uitgevoerd.">
        {(list) => (
          <SimpleTable
            caption="Taken"
            rows={list}
            rowKey={(j) => j.id}
            columns={[
              { header: 'Taak', cell: (j: JobRunView) => jobLabel(j.job) },
              { header: 'Aanleiding', cell: (j: JobRunView) => TRIGGER_LABEL[j.trigger] ?? j.trigger },
              { header: 'Gestart', cell: (j: JobRunView) => formatDateTime(j.started_at) },
              { header: 'Klaar', cell: (j: JobRunView) => formatDateTime(j.finished_at) },
              { header: 'Uitkomst', cell: (j: JobRunView) => <span>{OUTCOME[j.outcome] ? <HealthBadge status={OUTCOME[j.outcome]} /> : null} {OUTCOME_LABEL[j.outcome] ?? j.outcome}</span> },
              { header: 'Details', cell: (j: JobRunView) => j.error ?? (j.counts ? Object.entries(j.counts).map(([k, v]) => `${k}: ${v}`).join(', ') : '—') },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
