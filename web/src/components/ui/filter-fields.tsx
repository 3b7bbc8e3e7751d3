import { FormField, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';

// The labelled fields of the filter forms above the lists: one look, one way to label them.

interface FilterFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

interface SelectFilterProps extends FilterFieldProps {
  /** When given, the first choice: the empty value, no filter ("Alle taken"). */
  all?: string;
  /** The other choices, as value → label, in this order. */
  options: readonly (readonly [value: string, label: string])[];
}

/** A labelled choice; with `all`, its first option, the empty value, filters nothing. */
export function SelectFilter({ id, label, value, onChange, all, options }: SelectFilterProps) {
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {all === undefined ? null : <SelectOption value="">{all}</SelectOption>}
        {options.map(([v, text]) => (
          <SelectOption key={v} value={v}>
            {text}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

/** A labelled text box; `type="date"` for a day. */
export function TextFilter({ id, label, value, onChange, type }: FilterFieldProps & { type?: 'text' | 'date' }) {
  return (
    <FormField>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Textbox id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </FormField>
  );
}
