import { JOB_OUTCOME_LABELS, jobLabel } from '@vroegsignaal/shared/api/job-details';
import { CheckboxField } from '../../../components/ui/checkbox-field.tsx';
import { SelectFilter, TextFilter } from '../../../components/ui/filter-fields.tsx';

export interface JobFilterValues {
  job: string;
  outcome: string;
  from: string;
  to: string;
  /** Also the pulls that found nothing (hidden by default: they are most of the runs). */
  idle: boolean;
}

interface JobFiltersProps {
  values: JobFilterValues;
  jobs: readonly string[];
  onChange: (changes: Partial<JobFilterValues>) => void;
}

/** Which job, which outcome, which days; the list follows every change. */
export function JobFilters({ values, jobs, onChange }: JobFiltersProps) {
  const known = values.job && !jobs.includes(values.job) ? [values.job, ...jobs] : jobs;
  return (
    <form className="vs-filters vs-panel" aria-label="Taken filteren" onSubmit={(e) => e.preventDefault()}>
      <SelectFilter
        id="jobs-job"
        label="Taak"
        all="Alle taken"
        options={known.map((j) => [j, jobLabel(j)] as const)}
        value={values.job}
        onChange={(job) => onChange({ job })}
      />
      <SelectFilter
        id="jobs-outcome"
        label="Uitkomst"
        all="Alle uitkomsten"
        options={Object.entries(JOB_OUTCOME_LABELS)}
        value={values.outcome}
        onChange={(outcome) => onChange({ outcome })}
      />
      <TextFilter id="jobs-from" label="Gestart vanaf" type="date" value={values.from} onChange={(from) => onChange({ from })} />
      <TextFilter id="jobs-to" label="Tot en met" type="date" value={values.to} onChange={(to) => onChange({ to })} />
      <CheckboxField id="jobs-idle" label="Ook ophaalrondes zonder nieuwe bestanden" checked={values.idle} onChange={(idle) => onChange({ idle })} />
    </form>
  );
}
