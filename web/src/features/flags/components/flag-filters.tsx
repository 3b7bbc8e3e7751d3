import { FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import type { RunSummary } from '@vroegsignaal/shared/api/flags';
import { INDICATOR_CATALOGUE } from '@vroegsignaal/shared';
import { TRIAGE_STATUSES } from '@vroegsignaal/shared/api/triage';
import { useEffect, useState } from 'react';
import { CheckboxField } from '../../../components/ui/checkbox-field.tsx';
import { SelectFilter } from '../../../components/ui/filter-fields.tsx';
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
      <SelectFilter
        id="filter-run"
        label="Week"
        value={String(values.run)}
        onChange={(v) => onChange({ run: Number(v) })}
        options={runs.map((r) => [String(r.id), `${formatDate(r.as_of)} (${r.flags} signalen)`])}
      />
      <SelectFilter
        id="filter-wijk"
        label="Wijk"
        value={values.wijk}
        onChange={(wijk) => onChange({ wijk })}
        all="Alle wijken"
        options={wijken.map((w) => [w, w] as const)}
      />
      <SelectFilter
        id="filter-status"
        label="Status"
        value={values.status}
        onChange={(status) => onChange({ status })}
        all="Alle statussen"
        options={TRIAGE_STATUSES.map((s) => [s, triageLabel(s)] as const)}
      />
      <SelectFilter
        id="filter-assignee"
        label="Toegewezen aan"
        value={values.assignee}
        onChange={(assignee) => onChange({ assignee })}
        all="Iedereen"
        options={[[NOBODY, 'Niet toegewezen'], ...assignees.map((a) => [a, a] as const)]}
      />
      <SelectFilter
        id="filter-weeks"
        label="Op de lijst"
        value={values.weeks}
        onChange={(v) => onChange({ weeks: v as WeekRange | '' })}
        all="Alle"
        options={Object.entries(WEEK_RANGES).map(([k, r]) => [k, r.label] as const)}
      />
      <SelectFilter
        id="filter-indicator"
        label="Indicator"
        value={values.indicator}
        onChange={(indicator) => onChange({ indicator })}
        all="Alle indicatoren"
        options={INDICATOR_CATALOGUE.map((i) => [i.indicator, i.label] as const)}
      />
      <ScoreField id="filter-min-score" label="Score vanaf" value={values.minScore} onCommit={(minScore) => onChange({ minScore })} />
      <ScoreField id="filter-max-score" label="Score tot en met" value={values.maxScore} onCommit={(maxScore) => onChange({ maxScore })} />
      <CheckboxField
        id="filter-hide-closed"
        label="Afgesloten zaken verbergen"
        checked={values.hideClosed}
        onChange={(hideClosed) => onChange({ hideClosed })}
      />
      <CheckboxField
        id="filter-overdue"
        label="Alleen termijn eerste contact verstreken"
        checked={values.overdue}
        onChange={(overdue) => onChange({ overdue })}
      />
    </form>
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
