import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { jobRunsQueryOptions } from '../api/get-job-runs.ts';
import type { JobRunItem } from '@vroegsignaal/shared/api/operations';
import { HealthBadge } from '../components/health-badge.tsx';

const OUTCOME: Record<string, { status: 'green' | 'amber' | 'red'; label: string }> = {
  ok: { status: 'green', label: 'Gelukt' },
  failed: { status: 'red', label: 'Mislukt' },
  running: { status: 'amber', label: 'Bezig' },
};
const TRIGGER_LABEL: Record<string, string> = { schedule: 'Gepland', manual: 'Handmatig', backfill: 'Inhalen' };

function jobLabel(job: string): string {
  if (job.startsWith('pull:')) return `Ophalen ${job.slice(5)}`;
  if (job === 'scoring') return 'Wekelijkse berekening';
  if (job === 'retention') return 'Bewaartermijnen';
  if (job === 'review') return 'Terug op de werklijst (opnieuw bekijken)';
  if (job === 'notifications') return 'E-mailmeldingen versturen';
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
              { header: 'Taak', cell: (j: JobRunItem) => jobLabel(j.job) },
              { header: 'Aanleiding', cell: (j: JobRunItem) => TRIGGER_LABEL[j.trigger] ?? j.trigger },
              { header: 'Gestart', cell: (j: JobRunItem) => formatDateTime(j.started_at) },
              { header: 'Klaar', cell: (j: JobRunItem) => formatDateTime(j.finished_at) },
              {
                header: 'Uitkomst',
                cell: (j: JobRunItem) => {
                  const o = OUTCOME[j.outcome];
                  return o ? <HealthBadge status={o.status} label={o.label} /> : j.outcome;
                },
              },
              {
                header: 'Details',
                cell: (j: JobRunItem) =>
                  j.error ??
                  (j.counts
                    ? Object.entries(j.counts)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(', ')
                    : '—'),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
