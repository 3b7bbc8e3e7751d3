import { Button, FormField, FormLabel, Select, SelectOption, Textbox } from '@utrecht/component-library-react';
import type { AuditEntry, AuditQuery } from '@vroegsignaal/shared/api/admin';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { auditQueryOptions } from '../api/get-audit.ts';

const PAGE_SIZE = 50;
const OUTCOMES = { success: 'Gelukt', denied: 'Geweigerd', failure: 'Mislukt' } as const;
const FIELDS = [
  { key: 'username', label: 'Gebruiker' },
  { key: 'event', label: 'Gebeurtenis' },
  { key: 'object_type', label: 'Soort object' },
  { key: 'object_id', label: 'Object' },
] as const;

type Filters = Pick<AuditQuery, 'username' | 'event' | 'object_type' | 'object_id' | 'outcome' | 'from' | 'to'>;

/** Search the audit log: who read or changed what, when, from where. */
export default function AuditRoute() {
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const entries = useQuery(auditQueryOptions({ ...filters, page, page_size: PAGE_SIZE }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Filters);
    setPage(1);
  };
  const set = (key: keyof Filters, value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  return (
    <>
      <PageTitle
        title="Auditlog"
        intro="Elke inzage, export, wijziging, inlog, geweigerde poging en serverfout, ook wat via beheer (CLI) is gedaan. Alleen toevoegen, nooit wijzigen."
      />
      <form className="vs-filters vs-panel" onSubmit={onSubmit} aria-label="Zoeken in het auditlog">
        {FIELDS.map((f) => (
          <FormField key={f.key}>
            <FormLabel htmlFor={`audit-${f.key}`}>{f.label}</FormLabel>
            <Textbox id={`audit-${f.key}`} value={draft[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)} />
          </FormField>
        ))}
        <FormField>
          <FormLabel htmlFor="audit-outcome">Uitkomst</FormLabel>
          <Select id="audit-outcome" value={draft.outcome ?? ''} onChange={(e) => set('outcome', e.target.value)}>
            <SelectOption value="">Alle</SelectOption>
            {Object.entries(OUTCOMES).map(([k, v]) => (
              <SelectOption key={k} value={k}>
                {v}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="audit-from">Vanaf</FormLabel>
          <Textbox id="audit-from" type="date" value={draft.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </FormField>
        <FormField>
          <FormLabel htmlFor="audit-to">Tot en met</FormLabel>
          <Textbox id="audit-to" type="date" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </FormField>
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
      </form>
      <QueryState query={entries} isEmpty={(e) => e.items.length === 0} empty="Geen regels gevonden.">
        {(data) => (
          <>
            <SimpleTable
              caption="Auditlog"
              rows={data.items}
              rowKey={(e) => e.id}
              columns={[
                { header: 'Tijdstip', cell: (e: AuditEntry) => <span className="vs-nowrap">{formatDateTime(e.at)}</span> },
                {
                  header: 'Gebeurtenis',
                  cell: (e: AuditEntry) => (
                    <>
                      {e.description} <span className="vs-small">({e.event})</span>
                    </>
                  ),
                },
                { header: 'Gebruiker', cell: (e: AuditEntry) => (e.username ? `${e.username}${e.role ? ` (${e.role})` : ''}` : '—') },
                { header: 'Object', cell: (e: AuditEntry) => [e.object_type, e.object_id].filter(Boolean).join(' ') || '—' },
                { header: 'Details', cell: (e: AuditEntry) => <span className="vs-small">{e.detail ?? '—'}</span> },
                { header: 'Uitkomst', cell: (e: AuditEntry) => OUTCOMES[e.outcome] },
                { header: 'Adres', cell: (e: AuditEntry) => e.ip ?? '—' },
                {
                  header: 'Sessie en programma',
                  cell: (e: AuditEntry) => (
                    <span className="vs-small" title={e.user_agent ?? undefined}>
                      {e.session_hash ? e.session_hash.slice(0, 12) : '—'} · {e.user_agent ? e.user_agent.slice(0, 40) : '—'}
                    </span>
                  ),
                },
              ]}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
