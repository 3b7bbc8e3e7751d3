import { Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { AccessRequestItem } from '@vroegsignaal/shared/api/privacy';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { GROUND_LABELS, groundLabel, withReason } from './field-labels.ts';
import { ErrorMessage, QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { useCreateExclusion } from '../api/create-exclusion.ts';
import { accessRequestQueryOptions } from '../api/get-access-request.ts';
import { useLiftExclusion } from '../api/lift-exclusion.ts';

/** The date in the Netherlands (the server's time zone), as the server checks "not in the past". */
const isoDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * Restriction or objection (AVG art. 18/21): the household of a request left out of scoring
 * for a period. Only open requests with a household can exclude one (the server refuses others).
 */
export function ExclusionPanel({ requests }: { requests: AccessRequestItem[] }) {
  const [requestId, setRequestId] = useState(requests[0]!.id);
  return (
    <section className="vs-panel" aria-labelledby="exclusion-title">
      <Heading2 id="exclusion-title">Beperking of bezwaar</Heading2>
      <Paragraph>Het huishouden van een verzoek doet een periode niet mee aan de berekening en staat dan op geen enkele lijst.</Paragraph>
      <FormField>
        <FormLabel htmlFor="exclusion-request">Verzoek</FormLabel>
        <Select id="exclusion-request" value={String(requestId)} onChange={(e) => setRequestId(Number(e.target.value))}>
          {requests.map((r) => (
            <SelectOption key={r.id} value={String(r.id)}>
              Verzoek {r.id} (ontvangen {formatDate(r.received_on)})
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <ExclusionForm requestId={requestId} />
      <Exclusions requestId={requestId} />
    </section>
  );
}

function ExclusionForm({ requestId }: { requestId: number }) {
  const [ground, setGround] = useState<'beperking' | 'bezwaar'>('bezwaar');
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState(isoDay(new Date()));
  const [to, setTo] = useState(isoDay(new Date(Date.now() + 90 * 86_400_000)));
  const create = useCreateExclusion();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ requestId, ground, reason, from, to }, { onSuccess: () => setReason('') });
  };
  return (
    <form className="vs-filters" onSubmit={onSubmit} aria-label="Huishouden uitsluiten van de berekening">
      <FormField>
        <FormLabel htmlFor="exclusion-ground">Grond</FormLabel>
        <Select id="exclusion-ground" value={ground} onChange={(e) => setGround(e.target.value as 'beperking' | 'bezwaar')}>
          <SelectOption value="bezwaar">{GROUND_LABELS.bezwaar}</SelectOption>
          <SelectOption value="beperking">{GROUND_LABELS.beperking}</SelectOption>
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor="exclusion-reason">Reden</FormLabel>
        <Textbox id="exclusion-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <FormField>
        <FormLabel htmlFor="exclusion-from">Vanaf</FormLabel>
        <Textbox id="exclusion-from" type="date" min={isoDay(new Date())} value={from} onChange={(e) => setFrom(e.target.value)} />
      </FormField>
      <FormField>
        <FormLabel htmlFor="exclusion-to">Tot en met (hoogstens een jaar)</FormLabel>
        <Textbox id="exclusion-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </FormField>
      <Button type="submit" appearance="primary-action-button" disabled={reason.trim().length < 3 || !from || !to || from > to || create.isPending}>
        Uitsluiten
      </Button>
      {create.isError ? <ErrorMessage error={create.error} title="Uitsluiten mislukt" fields={withReason('Reden')} /> : null}
    </form>
  );
}

function Exclusions({ requestId }: { requestId: number }) {
  const detail = useQuery(accessRequestQueryOptions(requestId));
  const lift = useLiftExclusion();
  return (
    <QueryState query={detail} isEmpty={(d) => d.exclusions.length === 0} empty="Dit huishouden is niet uitgesloten.">
      {(d) => (
        <SimpleTable
          caption="Uitsluitingen van dit huishouden"
          rows={d.exclusions}
          rowKey={(x) => x.id}
          stacked
          columns={[
            { header: 'Grond', cell: (x) => groundLabel(x.ground) },
            { header: 'Reden', cell: (x) => x.reason },
            { header: 'Periode', cell: (x) => `${formatDate(x.from)} tot en met ${formatDate(x.to)}` },
            {
              header: 'Status',
              cell: (x) =>
                x.lifted ? (
                  'opgeheven'
                ) : (
                  <Button
                    appearance="secondary-action-button"
                    onClick={() => lift.mutate({ requestId, exclusionId: x.id })}
                    disabled={lift.isPending}
                    aria-label={`Uitsluiting ${x.id} opheffen`}
                  >
                    Opheffen
                  </Button>
                ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}
