import { FormField, FormFieldDescription, FormLabel, Textbox } from '@utrecht/component-library-react';
import { AUDIT_OBJECT_TYPE_LABELS } from '@vroegsignaal/shared/api/audit-events';
import { isShieldedObjectType } from '@vroegsignaal/shared/api/audit-shield';
import { useId } from 'react';
import { SelectFilter } from '../../../components/ui/filter-fields.tsx';

const TYPES = Object.entries(AUDIT_OBJECT_TYPE_LABELS).sort(([, a], [, b]) => a.localeCompare(b, 'nl'));

interface Props {
  type: string;
  id: string;
  onChange: (type: string, id: string) => void;
}

/**
 * The kind of object and, for a kind that is no household, one object. The server refuses
 * a search on one household, flag or follow-up, and on an id without its kind: the field
 * is off then, and says why.
 */
export function AuditObjectFilter({ type, id, onChange }: Props) {
  const hintId = useId();
  const shielded = isShieldedObjectType(type);
  const open = type !== '' && !shielded;
  const hint = shielded ? 'Afgeschermd: hierop zoeken kan niet.' : type === '' ? 'Kies eerst een soort object.' : 'Bijvoorbeeld een gebruikersnaam.';
  return (
    <>
      <SelectFilter
        id="audit-object_type"
        label="Soort object"
        all="Alle"
        options={TYPES}
        value={type}
        onChange={(t) => onChange(t, isShieldedObjectType(t) || t === '' ? '' : id)}
      />
      <FormField>
        <FormLabel htmlFor="audit-object_id">Object</FormLabel>
        <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>
        <Textbox id="audit-object_id" value={open ? id : ''} disabled={!open} aria-describedby={hintId} onChange={(e) => onChange(type, e.target.value)} />
      </FormField>
    </>
  );
}
