import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { CheckboxField } from '../../../components/ui/checkbox-field.tsx';
import { triageLabel } from '../../../lib/format.ts';

export type Assignment = '' | 'mij' | 'niemand';

export interface WorklistFilterValues {
  wijk: string;
  assignment: Assignment;
  status: string;
  showClosed: boolean;
}

interface WorklistFiltersProps {
  values: WorklistFilterValues;
  wijken: readonly string[];
  onChange: (values: Partial<WorklistFilterValues>) => void;
}

export function WorklistFilters({ values, wijken, onChange }: WorklistFiltersProps) {
  return (
    <form className="vs-filters vs-panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <FormField>
        <FormLabel htmlFor="filter-assignment">Toegewezen</FormLabel>
        <Select id="filter-assignment" value={values.assignment} onChange={(e) => onChange({ assignment: e.target.value as Assignment })}>
          <SelectOption value="">Alle signalen in mijn wijken</SelectOption>
          <SelectOption value="mij">Aan mij toegewezen</SelectOption>
          <SelectOption value="niemand">Nog niet toegewezen</SelectOption>
        </Select>
      </FormField>
      {wijken.length > 1 ? (
        <FormField>
          <FormLabel htmlFor="filter-wijk">Wijk</FormLabel>
          <Select id="filter-wijk" value={values.wijk} onChange={(e) => onChange({ wijk: e.target.value })}>
            <SelectOption value="">Al mijn wijken</SelectOption>
            {wijken.map((w) => (
              <SelectOption key={w} value={w}>
                {w}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      ) : null}
      <FormField>
        <FormLabel htmlFor="filter-status">Status</FormLabel>
        <Select id="filter-status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
          <SelectOption value="">Alle statussen</SelectOption>
          {TRIAGE_STATUSES.map((s) => (
            <SelectOption key={s} value={s}>
              {triageLabel(s)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <CheckboxField id="filter-show-closed" label="Afgesloten zaken tonen" checked={values.showClosed} onChange={(showClosed) => onChange({ showClosed })} />
    </form>
  );
}
