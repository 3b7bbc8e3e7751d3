import { Button, ButtonLink, FormField, FormLabel, Heading2, Heading3, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '@vroegsignaal/shared/api/privacy';
import { useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { PRIVACY_FIELDS, withReason } from './field-labels.ts';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { endpointUrl } from '../../../lib/endpoints.ts';
import { useCloseAccessRequest } from '../api/close-access-request.ts';
import { useExtendAccessRequest } from '../api/extend-access-request.ts';
import { accessRequestQueryOptions } from '../api/get-access-request.ts';
import { useReleaseNote } from '../api/release-note.ts';
import { useWithholdNote } from '../api/withhold-note.ts';

/** One request: the letter, the deadline, closing it and notes to withhold. */
export function RequestPanel({ requestId }: { requestId: number }) {
  const detail = useQuery(accessRequestQueryOptions(requestId));
  return (
    <section className="vs-panel" aria-labelledby="request-title">
      <Heading2 id="request-title">Verzoek {requestId}</Heading2>
      <QueryState query={detail}>{(d) => <RequestBody detail={d} />}</QueryState>
    </section>
  );
}

function RequestBody({ detail }: { detail: RequestDetail }) {
  const r = detail.request;
  const open = r.status === 'open';
  return (
    <>
      <Paragraph>
        Ontvangen op {formatDate(r.received_on)}, termijn tot {formatDate(r.deadline)}. <Holdings detail={detail} />
      </Paragraph>
      <div className="vs-actions">
        <ButtonLink appearance="primary-action-button" href={endpointUrl('accessLetter', { requestId: r.id })} download={`inzage-${r.id}.pdf`}>
          Brief downloaden (PDF)
        </ButtonLink>
        {open ? <CloseButton requestId={r.id} /> : null}
      </div>
      {open ? null : <Paragraph>Dit verzoek is afgehandeld. Het kan niet meer worden gewijzigd.</Paragraph>}
      {open && !r.extension_reason ? <ExtendForm requestId={r.id} /> : null}
      {r.household || detail.notes.length ? <Notes detail={detail} /> : null}
    </>
  );
}

/** What the request covers: the household from its residents' arrival, or a person's unlinked signals. */
function Holdings({ detail }: { detail: RequestDetail }) {
  const r = detail.request;
  if (!r.household) return <NoHousehold detail={detail} />;
  const who = r.identified_by === 'bsn' ? 'de inwoner' : 'de eerste huidige bewoner';
  return (
    <>
      Wij hebben {detail.signals} {detail.signals === 1 ? 'signaal' : 'signalen'} en {detail.flags} {detail.flags === 1 ? 'signalering' : 'signaleringen'} van
      dit huishouden.
      {r.scope_from
        ? ` Gegevens van het adres vanaf ${formatDate(r.scope_from)}, de dag waarop ${who} er volgens de Basisregistratie Personen kwam wonen; gegevens van eerdere bewoners tellen niet mee.`
        : null}
      {r.identified_by === 'bsn' ? ' Eerdere adressen van de inwoner tellen ook mee, alleen voor de tijd dat de inwoner er woonde.' : null}
    </>
  );
}

/** Nobody of the request lives in a household now; only the signals of persons outside the registry count nowhere. */
function NoHousehold({ detail }: { detail: RequestDetail }) {
  const byBsn = detail.request.identified_by === 'bsn';
  const n = detail.signals;
  const u = detail.unlinked_signals;
  const unlinked =
    u === n
      ? `${n === 1 ? 'Dit signaal hoort' : 'Deze signalen horen'} nu bij geen huishouden en ${n === 1 ? 'telt' : 'tellen'} dus niet mee in de berekening.`
      : `${u} daarvan ${u === 1 ? 'hoort' : 'horen'} nu bij geen huishouden en ${u === 1 ? 'telt' : 'tellen'} dus niet mee in de berekening.`;
  return (
    <>
      {byBsn ? 'Deze persoon staat nu niet in de Basisregistratie Personen.' : 'De bewoners van dit verzoek wonen niet meer op dit adres.'} Wij hebben {n}{' '}
      {n === 1 ? 'signaal' : 'signalen'} over {byBsn ? 'deze persoon' : 'hen'}
      {detail.flags
        ? ` en ${detail.flags} ${detail.flags === 1 ? 'signalering' : 'signaleringen'} van ${byBsn ? 'een adres waar deze persoon woonde' : 'dit adres'}`
        : ''}
      .{u > 0 ? ` ${unlinked}` : ''}
    </>
  );
}

/** The household's triage notes, each in the letter or withheld with a ground. */
function Notes({ detail }: { detail: RequestDetail }) {
  const r = detail.request;
  const open = r.status === 'open';
  return (
    <>
      <Heading3>Notities van de opvolging</Heading3>
      {detail.notes.length ? (
        <SimpleTable
          caption="Notities en of ze in de brief komen"
          rows={detail.notes}
          rowKey={(n) => n.triage_event_id}
          stacked
          columns={[
            { header: 'Datum', cell: (n) => formatDate(n.at) },
            { header: 'Notitie', cell: (n) => n.note },
            { header: 'In de brief', cell: (n) => (n.withheld_ground ? `Nee: ${n.withheld_ground}` : 'Ja') },
            ...(open
              ? [{ header: 'Actie', cell: (n: RequestDetail['notes'][number]) => (n.withheld_ground ? <ReleaseButton requestId={r.id} note={n} /> : null) }]
              : []),
          ]}
        />
      ) : (
        <Paragraph>Er zijn geen notities bij dit huishouden.</Paragraph>
      )}
      {open && detail.notes.some((n) => !n.withheld_ground) ? <WithholdForm requestId={r.id} notes={detail.notes.filter((n) => !n.withheld_ground)} /> : null}
    </>
  );
}

/** Takes a withheld note back into the letter. */
function ReleaseButton({ requestId, note }: { requestId: number; note: RequestDetail['notes'][number] }) {
  const release = useReleaseNote();
  return (
    <>
      <Button
        appearance="secondary-action-button"
        onClick={() => release.mutate({ requestId, triageEventId: note.triage_event_id })}
        busy={release.isPending}
        disabled={release.isPending}
        aria-label={`Weer opnemen: notitie van ${formatDate(note.at)}`}
      >
        Weer opnemen
      </Button>
      {release.isError ? <ErrorMessage error={release.error} title="Weer opnemen mislukt" /> : null}
    </>
  );
}

/** Closing is for good: a first click asks, "Ja, afhandelen" closes. */
function CloseButton({ requestId }: { requestId: number }) {
  const close = useCloseAccessRequest();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button appearance="secondary-action-button" onClick={() => setAsking(true)}>
        Afhandelen
      </Button>
    );
  return (
    <div className="vs-filters">
      <Paragraph>Een afgehandeld verzoek kan niet meer worden gewijzigd. Weet u het zeker?</Paragraph>
      <Button appearance="primary-action-button" onClick={() => close.mutate(requestId)} busy={close.isPending} disabled={close.isPending}>
        Ja, afhandelen
      </Button>
      <Button appearance="secondary-action-button" onClick={() => setAsking(false)} disabled={close.isPending}>
        Nee, terug
      </Button>
      {close.isError ? <ErrorMessage error={close.error} title="Afhandelen mislukt" /> : null}
    </div>
  );
}

function ExtendForm({ requestId }: { requestId: number }) {
  const [reason, setReason] = useState('');
  const extend = useExtendAccessRequest();
  return (
    <form
      className="vs-filters"
      onSubmit={(e) => {
        e.preventDefault();
        extend.mutate({ requestId, reason });
      }}
      aria-label="Termijn verlengen"
    >
      <FormField>
        <FormLabel htmlFor="extend-reason">Reden om de termijn met twee maanden te verlengen</FormLabel>
        <Textbox id="extend-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <Button type="submit" appearance="secondary-action-button" disabled={reason.trim().length < 3 || extend.isPending}>
        Verlengen
      </Button>
      {extend.isError ? <ErrorMessage error={extend.error} title="Verlengen mislukt" fields={withReason('Reden om de termijn te verlengen')} /> : null}
    </form>
  );
}

function WithholdForm({ requestId, notes }: { requestId: number; notes: RequestDetail['notes'] }) {
  const [eventId, setEventId] = useState(String(notes[0]!.triage_event_id));
  const [ground, setGround] = useState('');
  const withhold = useWithholdNote();
  return (
    <form
      className="vs-filters"
      onSubmit={(e) => {
        e.preventDefault();
        withhold.mutate({ requestId, triageEventId: Number(eventId), ground });
      }}
      aria-label="Notitie achterhouden"
    >
      <FormField>
        <FormLabel htmlFor="withhold-note">Notitie</FormLabel>
        <Select id="withhold-note" value={eventId} onChange={(e) => setEventId(e.target.value)}>
          {notes.map((n) => (
            <SelectOption key={n.triage_event_id} value={String(n.triage_event_id)}>
              {formatDate(n.at)}: {n.note.slice(0, 40)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="withhold-ground">Grond om de notitie niet te geven</FormLabel>
        <Textbox id="withhold-ground" value={ground} onChange={(e) => setGround(e.target.value)} />
      </FormField>
      <Button type="submit" appearance="secondary-action-button" disabled={ground.trim().length < 3 || withhold.isPending}>
        Achterhouden
      </Button>
      {withhold.isError ? <ErrorMessage error={withhold.error} title="Achterhouden mislukt" fields={PRIVACY_FIELDS} /> : null}
    </form>
  );
}
