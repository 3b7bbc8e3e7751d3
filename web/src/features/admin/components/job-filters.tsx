import { Checkbox, FormField, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { JOB_OUTCOME_LABELS, jobLabel } from '@vroegsignaal/shared/api/job-details';

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
      <FormField>
        <FormLabel htmlFor="jobs-job">Taak</FormLabel>
        <Select id="jobs-job" value={values.job} onChange={(e) => onChange({ job: e.target.value })}>
          <SelectOption value="">Alle taken</SelectOption>
          {known.map((j) => (
            <SelectOption key={j} value={j}>
              {jobLabel(j)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="jobs-outcome">Uitkomst</FormLabel>
        <Select id="jobs-outcome" value={values.outcome} onChange={(e) => onChange({ outcome: e.target.value })}>
          <SelectOption value="">Alle uitkomsten</SelectOption>
          {Object.entries(JOB_OUTCOME_LABELS).map(([k, v]) => (
            <SelectOption key={k} value={k}>
              {v}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="jobs-from">Gestart vanaf</FormLabel>
        <Textbox id="jobs-from" type="date" value={values.from} onChange={(e) => onChange({ from: e.target.value })} />
      </FormField>
      <FormField>
        <FormLabel htmlFor="jobs-to">Tot en met</FormLabel>
        <Textbox id="jobs-to" type="date" value={values.to} onChange={(e) => onChange({ to: e.target.value })} />
      </FormField>
      <div className="vs-check">
        <Checkbox id="jobs-idle" checked={values.idle} onChange={(e) => onChange({ idle: e.target.checked })} />
        <FormLabel htmlFor="jobs-idle" type="checkbox">
          Ook ophaalrondes zonder nieuwe bestanden
        </FormLabel>
      </div>
    </form>
  );
}
