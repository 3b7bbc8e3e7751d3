import { Button, ButtonLink, FormField, FormLabel, Heading2, Heading3, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '@vroegsignaal/shared/api/privacy';
import { useState } from 'react';
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
        Ontvangen op {r.received_on}, termijn tot {r.deadline}. Wij hebben {detail.signals} signalen en {detail.flags} signaleringen van dit huishouden.
      </Paragraph>
      <div className="vs-actions">
        <ButtonLink appearance="primary-action-button" href={endpointUrl('accessLetter', { requestId: r.id })} download={`inzage-${r.id}.pdf`}>
          Brief downloaden (PDF)
        </ButtonLink>
        {open ? <CloseButton requestId={r.id} /> : null}
      </div>
      {open ? null : <Paragraph>Dit verzoek is afgehandeld. Het kan niet meer worden gewijzigd.</Paragraph>}
      {open && !r.extension_reason ? <ExtendForm requestId={r.id} /> : null}
      <Heading3>Notities van de opvolging</Heading3>
      {detail.notes.length ? (
        <SimpleTable
          caption="Notities en of ze in de brief komen"
          rows={detail.notes}
          rowKey={(n) => n.triage_event_id}
          stacked
          columns={[
            { header: 'Datum', cell: (n) => n.at.slice(0, 10) },
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
        aria-label={`Weer opnemen: notitie van ${note.at.slice(0, 10)}`}
      >
        Weer opnemen
      </Button>
      {release.isError ? <ErrorMessage error={release.error} title="Weer opnemen mislukt" /> : null}
    </>
  );
}

function CloseButton({ requestId }: { requestId: number }) {
  const close = useCloseAccessRequest();
  return (
    <Button appearance="secondary-action-button" onClick={() => close.mutate(requestId)} busy={close.isPending} disabled={close.isPending}>
      Afhandelen
    </Button>
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
      {extend.isError ? <ErrorMessage error={extend.error} title="Verlengen mislukt" /> : null}
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
              {n.at.slice(0, 10)}: {n.note.slice(0, 40)}
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
      {withhold.isError ? <ErrorMessage error={withhold.error} title="Achterhouden mislukt" /> : null}
    </form>
  );
}
