import { Checkbox, FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { triageLabel } from '../../../lib/format.ts';

export type Assignment = '' | 'mij' | 'niemand';

export interface WorklistFilterValues {
  wijk: string;
  assignment: Assignment;
  status: string;
  showClosed: boolean;
  overdue: boolean;
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
      <div className="vs-check">
        <Checkbox id="filter-show-closed" checked={values.showClosed} onChange={(e) => onChange({ showClosed: e.target.checked })} />
        <FormLabel htmlFor="filter-show-closed" type="checkbox">
          Afgesloten zaken tonen
        </FormLabel>
      </div>
      <div className="vs-check">
        <Checkbox id="filter-overdue" checked={values.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
        <FormLabel htmlFor="filter-overdue" type="checkbox">
          Alleen termijn eerste contact verstreken
        </FormLabel>
      </div>
    </form>
  );
}
