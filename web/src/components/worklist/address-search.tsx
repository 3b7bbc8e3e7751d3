import { Button, FormField, FormFieldDescription, FormLabel, Textbox } from '@utrecht/component-library-react';
import { ADDRESS_SEARCH_HINT, parseAddressSearch } from '@vroegsignaal/shared/address-search';
import { type FormEvent, useEffect, useId, useState } from 'react';

interface AddressSearchProps {
  value: string;
  onSearch: (term: string) => void;
}

/** Find a household by postcode and house number (or part of it); checked here before it is sent. */
export function AddressSearch({ value, onSearch }: AddressSearchProps) {
  const [term, setTerm] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  const errorId = useId();
  useEffect(() => setTerm(value), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = term.trim();
    if (trimmed && !parseAddressSearch(trimmed)) return setInvalid(true);
    setInvalid(false);
    onSearch(trimmed);
  };
  return (
    <search aria-label="Huishouden zoeken" className="vs-search">
      <form onSubmit={submit}>
        <FormField invalid={invalid}>
          <FormLabel htmlFor="address-search">Zoek op postcode en huisnummer</FormLabel>
          <FormFieldDescription id={hintId}>Bijvoorbeeld 9711 AB 12, of een deel: 9711 AB</FormFieldDescription>
          {invalid ? (
            <FormFieldDescription id={errorId} invalid>
              Dit is geen (deel van een) adres: {ADDRESS_SEARCH_HINT}.
            </FormFieldDescription>
          ) : null}
          <div className="vs-search__row">
            <Textbox
              id="address-search"
              name="zoek"
              autoComplete="off"
              spellCheck={false}
              value={term}
              maxLength={40}
              invalid={invalid}
              aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
              onChange={(e) => setTerm(e.target.value)}
            />
            <Button type="submit" appearance="primary-action-button">
              Zoeken
            </Button>
            {value ? (
              <Button type="button" appearance="secondary-action-button" onClick={() => onSearch('')}>
                Zoekopdracht wissen
              </Button>
            ) : null}
          </div>
        </FormField>
      </form>
    </search>
  );
}
