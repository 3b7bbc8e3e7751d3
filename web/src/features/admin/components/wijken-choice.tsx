import { Checkbox } from '@utrecht/component-library-react';
import { useId } from 'react';

interface WijkenChoiceProps {
  /** The group's name, read with every checkbox ("Wijken van wijkteam2"). */
  legend: string;
  known: readonly string[];
  value: readonly string[];
  onChange: (wijken: string[]) => void;
  visibleLegend?: boolean;
}

/** Choose wijken from the known ones: a named group of checkboxes (a wijk no longer known stays choosable). */
export function WijkenChoice({ legend, known, value, onChange, visibleLegend = false }: WijkenChoiceProps) {
  const id = useId();
  const options = [...new Set([...known, ...value])].sort((a, b) => a.localeCompare(b, 'nl'));
  const toggle = (wijk: string, on: boolean) => onChange(options.filter((w) => (w === wijk ? on : value.includes(w))));
  return (
    <fieldset className="vs-wijken-choice">
      <legend className={visibleLegend ? undefined : 'vs-visually-hidden'}>{legend}</legend>
      <ul>
        {options.map((wijk, i) => (
          <li key={wijk}>
            <Checkbox id={`${id}-${i}`} checked={value.includes(wijk)} onChange={(e) => toggle(wijk, e.target.checked)} />
            <label htmlFor={`${id}-${i}`}>{wijk}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
