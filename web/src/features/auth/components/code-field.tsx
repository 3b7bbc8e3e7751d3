import { FormField, FormFieldDescription, FormLabel, Textbox } from '@utrecht/component-library-react';

/** A refused code named by its field on screen, not by the API's `body.code` (for ErrorMessage). */
export const CODE_FIELDS = { 'body.code': 'Code' };

/** The field for a 6-digit code of the authenticator app (or, where allowed, a recovery code). */
export function CodeField({ value, onChange, recovery }: { value: string; onChange: (v: string) => void; recovery: boolean }) {
  return (
    <FormField>
      <FormLabel htmlFor="code">Code uit uw authenticator-app</FormLabel>
      <FormFieldDescription id="code-hint">
        {recovery ? 'Zes cijfers. Telefoon kwijt? Vul dan een van uw herstelcodes in.' : 'De zes cijfers die de app nu toont.'}
      </FormFieldDescription>
      <Textbox
        id="code"
        name="code"
        autoComplete="one-time-code"
        inputMode={recovery ? 'text' : 'numeric'}
        aria-describedby="code-hint"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}
