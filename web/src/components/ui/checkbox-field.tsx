import { Checkbox, FormLabel } from '@utrecht/component-library-react';

/** A checkbox with its label after it, as the list filters use it. */
export function CheckboxField({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="vs-check">
      <Checkbox id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
    </div>
  );
}
