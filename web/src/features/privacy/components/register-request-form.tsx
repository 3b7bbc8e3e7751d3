import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { PRIVACY_FIELDS } from './field-labels.ts';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useCreateAccessRequest } from '../api/create-access-request.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A new access request, found by BSN or by address; both go only in the POST body. */
export function RegisterRequestForm() {
  const [by, setBy] = useState<'bsn' | 'adres'>('bsn');
  const [bsn, setBsn] = useState('');
  const [postcode, setPostcode] = useState('');
  const [huisnummer, setHuisnummer] = useState('');
  const [toevoeging, setToevoeging] = useState('');
  const [received, setReceived] = useState(isoDay(new Date()));
  const create = useCreateAccessRequest();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body =
      by === 'bsn'
        ? { bsn: bsn.trim(), received_on: received }
        : { postcode: postcode.trim(), huisnummer: Number(huisnummer), ...(toevoeging.trim() ? { toevoeging: toevoeging.trim() } : {}), received_on: received };
    create.mutate(body, {
      onSuccess: () => {
        setBsn('');
        setPostcode('');
        setHuisnummer('');
        setToevoeging('');
      },
    });
  };
  const complete = by === 'bsn' ? /^\d{9}$/.test(bsn.trim()) : postcode.trim() !== '' && /^\d+$/.test(huisnummer);
  return (
    <form className="vs-panel" onSubmit={onSubmit} aria-labelledby="register-request-title">
      <Heading2 id="register-request-title">Verzoek registreren</Heading2>
      <Paragraph>
        Het BSN wordt niet bewaard. Het systeem maakt er met een geheime sleutel een code van en zoekt daarmee de woningen van de persoon. Aan het verzoek
        koppelt het elke woning waar de persoon nu of eerder woonde, met de periode dat de persoon er woonde. Bij een adres koppelt het de huidige bewoners,
        vanaf de dag dat zij er kwamen wonen. Staat de persoon niet in de Basisregistratie Personen, dan koppelt het systeem de signalen die het over deze
        persoon vindt.
      </Paragraph>
      <div className="vs-filters">
        <FormField>
          <FormLabel htmlFor="request-by">Zoeken op</FormLabel>
          <Select id="request-by" value={by} onChange={(e) => setBy(e.target.value as 'bsn' | 'adres')}>
            <SelectOption value="bsn">BSN</SelectOption>
            <SelectOption value="adres">Adres</SelectOption>
          </Select>
        </FormField>
        {by === 'bsn' ? (
          <FormField>
            <FormLabel htmlFor="request-bsn">BSN (9 cijfers)</FormLabel>
            <Textbox id="request-bsn" inputMode="numeric" autoComplete="off" value={bsn} onChange={(e) => setBsn(e.target.value)} />
          </FormField>
        ) : (
          <>
            <FormField>
              <FormLabel htmlFor="request-postcode">Postcode</FormLabel>
              <Textbox id="request-postcode" autoComplete="off" value={postcode} onChange={(e) => setPostcode(e.target.value)} />
            </FormField>
            <FormField>
              <FormLabel htmlFor="request-huisnummer">Huisnummer</FormLabel>
              <Textbox id="request-huisnummer" inputMode="numeric" autoComplete="off" value={huisnummer} onChange={(e) => setHuisnummer(e.target.value)} />
            </FormField>
            <FormField>
              <FormLabel htmlFor="request-toevoeging">Toevoeging</FormLabel>
              <Textbox id="request-toevoeging" autoComplete="off" value={toevoeging} onChange={(e) => setToevoeging(e.target.value)} />
            </FormField>
          </>
        )}
        <FormField>
          <FormLabel htmlFor="request-received">Ontvangen op</FormLabel>
          <Textbox id="request-received" type="date" value={received} onChange={(e) => setReceived(e.target.value)} />
        </FormField>
        <Button type="submit" appearance="primary-action-button" disabled={!complete || create.isPending} busy={create.isPending}>
          Registreren
        </Button>
      </div>
      {create.isError ? <ErrorMessage error={create.error} title="Registreren mislukt" fields={PRIVACY_FIELDS} /> : null}
      {create.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>
            Verzoek {create.data.id} is geregistreerd. De termijn loopt tot {formatDate(create.data.deadline)}.
          </Paragraph>
        </Alert>
      ) : null}
    </form>
  );
}
