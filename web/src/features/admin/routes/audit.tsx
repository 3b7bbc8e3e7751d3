import { Button } from '@utrecht/component-library-react';
import type { AuditEntry, AuditQuery } from '@vroegsignaal/shared/api/admin';
import { AUDIT_OBJECT_TYPE_LABELS } from '@vroegsignaal/shared/api/audit-events';
import { isShieldedObjectType } from '@vroegsignaal/shared/api/audit-shield';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SelectFilter, TextFilter } from '../../../components/ui/filter-fields.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { SimpleTable } from '../../../components/ui/simple-table.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { auditQueryOptions } from '../api/get-audit.ts';
import { AuditObjectFilter } from '../components/audit-object-filter.tsx';
import '../admin.css';
import { ROLE_LABELS } from '../../../lib/roles.ts';

const PAGE_SIZE = 50;
const OUTCOMES = { success: 'Gelukt', denied: 'Geweigerd', failure: 'Mislukt' } as const;
const FIELDS = [
  { key: 'username', label: 'Gebruiker' },
  { key: 'event', label: 'Gebeurtenis (code)' },
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
        intro="Elke inzage, export, wijziging, inlog, geweigerde poging en serverfout, ook wat via beheer (CLI) is gedaan. Alleen toevoegen, nooit wijzigen. Welk huishouden een regel betreft is afgeschermd, en ook hoeveel huishoudens een lijst, export of overleg toonde; van verzoeken van bewoners staat alleen dat er iets gebeurde."
      />
      <form className="vs-filters vs-panel" onSubmit={onSubmit} aria-label="Zoeken in het auditlog">
        {FIELDS.map((f) => (
          <TextFilter key={f.key} id={`audit-${f.key}`} label={f.label} value={draft[f.key] ?? ''} onChange={(v) => set(f.key, v)} />
        ))}
        <AuditObjectFilter
          type={draft.object_type ?? ''}
          id={draft.object_id ?? ''}
          onChange={(type, id) => setDraft((d) => ({ ...d, object_type: type || undefined, object_id: id || undefined }))}
        />
        <SelectFilter
          id="audit-outcome"
          label="Uitkomst"
          all="Alle"
          options={Object.entries(OUTCOMES)}
          value={draft.outcome ?? ''}
          onChange={(v) => set('outcome', v)}
        />
        <TextFilter id="audit-from" label="Vanaf" type="date" value={draft.from ?? ''} onChange={(v) => set('from', v)} />
        <TextFilter id="audit-to" label="Tot en met" type="date" value={draft.to ?? ''} onChange={(v) => set('to', v)} />
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
                      <span className="vs-audit-event">{sentence(e.description)}</span>
                      <code className="vs-small vs-muted" title="De code van de gebeurtenis, om op te zoeken">
                        {e.event}
                      </code>
                    </>
                  ),
                },
                { header: 'Gebruiker', cell: (e: AuditEntry) => (e.username ? `${e.username}${e.role ? ` (${roleLabel(e.role)})` : ''}` : '—') },
                {
                  header: 'Object',
                  cell: objectCell,
                },
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

/** "gebruiker coordinator"; a shielded id ("huishouden (afgeschermd)") names its kind itself. */
const objectCell = (e: AuditEntry) =>
  isShieldedObjectType(e.object_type)
    ? e.object_id
    : [e.object_type ? (AUDIT_OBJECT_TYPE_LABELS[e.object_type] ?? e.object_type) : null, e.object_id].filter(Boolean).join(' ') || '—';

/** "huishouden inzien" → "Huishouden inzien". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const roleLabel = (role: string) => (ROLE_LABELS as Record<string, string>)[role] ?? role;
