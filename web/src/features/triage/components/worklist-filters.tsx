import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { CheckboxField } from '../../../components/ui/checkbox-field.tsx';
import { SelectFilter } from '../../../components/ui/filter-fields.tsx';
import { triageLabel } from '../../../lib/format.ts';

export type Assignment = '' | 'mij' | 'niemand';

const ASSIGNMENTS = [
  ['mij', 'Aan mij toegewezen'],
  ['niemand', 'Nog niet toegewezen'],
] as const;

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
      <SelectFilter
        id="filter-assignment"
        label="Toegewezen"
        all="Alle signalen in mijn wijken"
        options={ASSIGNMENTS}
        value={values.assignment}
        onChange={(v) => onChange({ assignment: v as Assignment })}
      />
      {wijken.length > 1 ? (
        <SelectFilter
          id="filter-wijk"
          label="Wijk"
          all="Al mijn wijken"
          options={wijken.map((w) => [w, w] as const)}
          value={values.wijk}
          onChange={(wijk) => onChange({ wijk })}
        />
      ) : null}
      <SelectFilter
        id="filter-status"
        label="Status"
        all="Alle statussen"
        options={TRIAGE_STATUSES.map((s) => [s, triageLabel(s)] as const)}
        value={values.status}
        onChange={(status) => onChange({ status })}
      />
      <CheckboxField id="filter-show-closed" label="Afgesloten zaken tonen" checked={values.showClosed} onChange={(showClosed) => onChange({ showClosed })} />
      <CheckboxField
        id="filter-overdue"
        label="Alleen termijn eerste contact verstreken"
        checked={values.overdue}
        onChange={(overdue) => onChange({ overdue })}
      />
    </form>
  );
}
