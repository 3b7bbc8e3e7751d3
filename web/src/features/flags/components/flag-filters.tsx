import { Checkbox, FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import type { RunSummary } from '@vroegsignaal/shared/api/flags';
import { INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import { TRIAGE_STATUS_LABELS, TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { formatDate } from '../../../lib/format.ts';

export interface FlagFilterValues {
  run: number;
  wijk: string;
  status: string;
  indicator: string;
  newOnly: boolean;
}

interface FlagFiltersProps {
  values: FlagFilterValues;
  runs: readonly RunSummary[];
  wijken: readonly string[];
  onChange: (values: Partial<FlagFilterValues>) => void;
}

export function FlagFilters({ values, runs, wijken, onChange }: FlagFiltersProps) {
  return (
    <form className="vs-filters vs-panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <FormField>
        <FormLabel htmlFor="filter-run">Week</FormLabel>
        <Select id="filter-run" value={String(values.run)} onChange={(e) => onChange({ run: Number(e.target.value) })}>
          {runs.map((r) => (
            <SelectOption key={r.id} value={String(r.id)}>
              {formatDate(r.as_of)} ({r.flags} signalen)
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="filter-wijk">Wijk</FormLabel>
        <Select id="filter-wijk" value={values.wijk} onChange={(e) => onChange({ wijk: e.target.value })}>
          <SelectOption value="">Alle wijken</SelectOption>
          {wijken.map((w) => (
            <SelectOption key={w} value={w}>
              {w}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="filter-status">Status</FormLabel>
        <Select id="filter-status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
          <SelectOption value="">Alle statussen</SelectOption>
          {TRIAGE_STATUSES.map((s) => (
            <SelectOption key={s} value={s}>
              {TRIAGE_STATUS_LABELS[s]}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="filter-indicator">Indicator</FormLabel>
        <Select id="filter-indicator" value={values.indicator} onChange={(e) => onChange({ indicator: e.target.value })}>
          <SelectOption value="">Alle indicatoren</SelectOption>
          {INDICATOR_CATALOGUE.map((i) => (
            <SelectOption key={i.indicator} value={i.indicator}>
              {i.label}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <div className="vs-check">
        <Checkbox id="filter-new" checked={values.newOnly} onChange={(e) => onChange({ newOnly: e.target.checked })} />
        <FormLabel htmlFor="filter-new" type="checkbox">
          Alleen nieuw op de lijst
        </FormLabel>
      </div>
    </form>
  );
}
