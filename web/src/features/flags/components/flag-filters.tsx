import { Checkbox, FormField, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { RunSummary } from '@vroegsignaal/shared/api/flags';
import { INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { useEffect, useState } from 'react';
import { WEEK_RANGES, type WeekRange } from '../../../components/worklist/on-list-badge.tsx';
import { formatDate, triageLabel } from '../../../lib/format.ts';

/** The assignee filter: anyone (''), nobody, or one wijkteam member's username. */
export const NOBODY = '-niemand-';

export interface FlagFilterValues {
  run: number;
  wijk: string;
  status: string;
  indicator: string;
  weeks: WeekRange | '';
  assignee: string;
  minScore: string;
  maxScore: string;
  hideClosed: boolean;
  overdue: boolean;
}

interface FlagFiltersProps {
  values: FlagFilterValues;
  runs: readonly RunSummary[];
  wijken: readonly string[];
  assignees: readonly string[];
  onChange: (values: Partial<FlagFilterValues>) => void;
}

export function FlagFilters({ values, runs, wijken, assignees, onChange }: FlagFiltersProps) {
  return (
    <form className="vs-filters vs-panel" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <FilterSelect
        id="filter-run"
        label="Week"
        value={String(values.run)}
        onChange={(v) => onChange({ run: Number(v) })}
        options={runs.map((r) => [String(r.id), `${formatDate(r.as_of)} (${r.flags} signalen)`])}
      />
      <FilterSelect
        id="filter-wijk"
        label="Wijk"
        value={values.wijk}
        onChange={(wijk) => onChange({ wijk })}
        options={[['', 'Alle wijken'], ...wijken.map((w) => [w, w] as const)]}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        value={values.status}
        onChange={(status) => onChange({ status })}
        options={[['', 'Alle statussen'], ...TRIAGE_STATUSES.map((s) => [s, triageLabel(s)] as const)]}
      />
      <FilterSelect
        id="filter-assignee"
        label="Toegewezen aan"
        value={values.assignee}
        onChange={(assignee) => onChange({ assignee })}
        options={[['', 'Iedereen'], [NOBODY, 'Niet toegewezen'], ...assignees.map((a) => [a, a] as const)]}
      />
      <FilterSelect
        id="filter-weeks"
        label="Op de lijst"
        value={values.weeks}
        onChange={(v) => onChange({ weeks: v as WeekRange | '' })}
        options={[['', 'Alle'], ...Object.entries(WEEK_RANGES).map(([k, r]) => [k, r.label] as const)]}
      />
      <FilterSelect
        id="filter-indicator"
        label="Indicator"
        value={values.indicator}
        onChange={(indicator) => onChange({ indicator })}
        options={[['', 'Alle indicatoren'], ...INDICATOR_CATALOGUE.map((i) => [i.indicator, i.label] as const)]}
      />
      <ScoreField id="filter-min-score" label="Score vanaf" value={values.minScore} onCommit={(minScore) => onChange({ minScore })} />
      <ScoreField id="filter-max-score" label="Score tot en met" value={values.maxScore} onCommit={(maxScore) => onChange({ maxScore })} />
      <div className="vs-check">
        <Checkbox id="filter-hide-closed" checked={values.hideClosed} onChange={(e) => onChange({ hideClosed: e.target.checked })} />
        <FormLabel htmlFor="filter-hide-closed" type="checkbox">
          Afgesloten zaken verbergen
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

interface FilterSelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function FilterSelect({ id, label, value, options, onChange }: FilterSelectProps) {
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <SelectOption key={v} value={v}>
            {text}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

/** A score bound, applied when the field is left or Enter is pressed (not on every keystroke). */
function ScoreField({ id, label, value, onCommit }: { id: string; label: string; value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const normal = text.trim().replace(',', '.');
    if (normal === '' || /^\d{1,6}(\.\d+)?$/.test(normal)) onCommit(normal);
    else setText(value);
  };
  return (
    <FormField className="vs-filter-score">
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Textbox
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </FormField>
  );
}
