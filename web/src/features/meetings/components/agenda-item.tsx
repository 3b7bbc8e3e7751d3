import { Alert, Button, FormField, FormLabel, Heading3, Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import type { MeetingItem } from '@vroegsignaal/shared/api/meetings';
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { RouterLink } from '../../../components/ui/router-link.tsx';
import { TriageBadge } from '../../../components/ui/triage-badge.tsx';
import { paths } from '../../../config/paths.ts';
import { formatAddressKey, formatDate } from '../../../lib/format.ts';
import { RESIDENTS_CHANGED_ITEM } from '../../../components/family/residents.ts';
import { useRecordAdvice } from '../api/record-advice.ts';

/** One family on the agenda: what was recorded, or the form to record the advice, regisseur and next step. */
export function AgendaItem({ meetingId, item, organisations }: { meetingId: number; item: MeetingItem; organisations: readonly string[] }) {
  const address = formatAddressKey(item.household_key);
  return (
    <article className="vs-panel" aria-labelledby={`item-${item.id}`}>
      <Heading3 id={`item-${item.id}`}>
        {item.residents_changed ? address : <RouterLink to={paths.family.to(item.flag_id)}>{address}</RouterLink>} · {item.wijk}
      </Heading3>
      {item.residents_changed ? <Paragraph className="vs-residents-changed">{RESIDENTS_CHANGED_ITEM}.</Paragraph> : null}
      <Paragraph>
        Status: <TriageBadge status={item.triage_status} />
      </Paragraph>
      {item.recorded_at ? (
        <Paragraph>
          Advies: {item.advice} Regisseur: {item.regisseur_name} ({item.regisseur_org}). Volgende stap: {item.next_step} (vóór {formatDate(item.next_step_due!)}
          ).
        </Paragraph>
      ) : item.residents_changed ? null : (
        <RecordForm meetingId={meetingId} item={item} organisations={organisations} address={address} />
      )}
    </article>
  );
}

function RecordForm({ meetingId, item, organisations, address }: { meetingId: number; item: MeetingItem; organisations: readonly string[]; address: string }) {
  const record = useRecordAdvice(meetingId, item.id);
  const [v, setV] = useState({ advice: '', regisseur_name: '', regisseur_org: '', next_step: '', next_step_due: '' });
  const id = (field: string) => `record-${item.id}-${field}`;
  const set = (field: keyof typeof v) => (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [field]: e.target.value }));
  const complete = Object.values(v).every((x) => x.trim() !== '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({
      ...v,
      advice: v.advice.trim(),
      regisseur_name: v.regisseur_name.trim(),
      next_step: v.next_step.trim(),
      seen_recorded_at: item.recorded_at,
    });
  };
  return (
    <form className="vs-form" onSubmit={onSubmit} aria-label={`Advies vastleggen voor ${address}`}>
      <FormField>
        <FormLabel htmlFor={id('advice')}>Advies</FormLabel>
        <Textarea id={id('advice')} rows={2} maxLength={2000} value={v.advice} onChange={set('advice')} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={id('name')}>Regisseur (naam)</FormLabel>
        <Textbox id={id('name')} maxLength={200} value={v.regisseur_name} onChange={set('regisseur_name')} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={id('org')}>Organisatie van de regisseur</FormLabel>
        <Select id={id('org')} value={v.regisseur_org} onChange={set('regisseur_org')}>
          <SelectOption value="">Kies een organisatie</SelectOption>
          {organisations.map((o) => (
            <SelectOption key={o} value={o}>
              {o}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField>
        <FormLabel htmlFor={id('step')}>Volgende stap</FormLabel>
        <Textarea id={id('step')} rows={2} maxLength={2000} value={v.next_step} onChange={set('next_step')} />
      </FormField>
      <FormField>
        <FormLabel htmlFor={id('due')}>Volgende stap vóór</FormLabel>
        <Textbox id={id('due')} type="date" value={v.next_step_due} onChange={set('next_step_due')} />
      </FormField>
      {record.isError ? <ErrorMessage error={record.error} title="Vastleggen mislukt" /> : null}
      {record.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>Vastgelegd; de status is nu Besproken in zorgnetwerk.</Paragraph>
        </Alert>
      ) : null}
      <Button type="submit" appearance="primary-action-button" disabled={!complete || record.isPending} busy={record.isPending}>
        Advies vastleggen
      </Button>
    </form>
  );
}
