import type { Meeting } from '@vroegsignaal/shared/api/meetings';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FamilySummary } from '../../../components/family/family-summary.tsx';
import { formatAddressKey } from '../../../lib/format.ts';
import { RESIDENTS_CHANGED_ITEM } from '../../../components/family/residents.ts';
import { householdQueryOptions } from '../api/get-household.ts';

/**
 * Each household read is audited, so the summaries load only once the coordinator asks to
 * print (`request` > 0); the print dialog opens when all have loaded, once per request.
 */
export function usePrintSummaries(meeting: Meeting, request: number) {
  const queries = useQueries({
    // An earlier family's flag is not fetched: the address's data now is another family's.
    queries: meeting.items.map((i) => ({ ...householdQueryOptions(i.flag_id), enabled: request > 0 && !i.residents_changed })),
  });
  const ready = request > 0 && queries.every((q, i) => q.isSuccess || meeting.items[i]!.residents_changed);
  const failed = queries.find((q) => q.isError)?.error ?? null;
  const printed = useRef(0);
  useEffect(() => {
    if (!ready || printed.current === request) return;
    printed.current = request;
    window.print();
  }, [ready, request]);
  return { households: ready ? queries.map((q) => q.data ?? null) : null, loading: request > 0 && !ready && !failed, failed };
}

/** Hidden on screen; on paper the agenda, then one page per family. */
export function PrintedAgenda({
  meeting: m,
  title,
  printedBy,
  households,
}: {
  meeting: Meeting;
  title: string;
  printedBy: string;
  households: ReturnType<typeof usePrintSummaries>['households'];
}) {
  return (
    <div className="vs-print-agenda">
      <section className="vs-print-summary" aria-label="Agenda van het zorgnetwerkoverleg">
        <p className="vs-print-kicker">Vroegsignaal · agenda · vertrouwelijk</p>
        <h2>{title}</h2>
        <p>Wijken: {m.wijken.join(', ')}</p>
        <ol>
          {m.items.map((i) => (
            <li key={i.id}>
              {formatAddressKey(i.household_key)} ({i.wijk}){i.residents_changed ? ` · ${RESIDENTS_CHANGED_ITEM}` : ''}
            </li>
          ))}
        </ol>
        <p className="vs-print-meta">Afgedrukt door {printedBy}. Per gezin volgt de samenvatting op een eigen pagina.</p>
      </section>
      {households?.map((h, index) => (
        <div className="vs-print-page" key={m.items[index]!.id}>
          {h ? (
            <FamilySummary household={h} printedBy={printedBy} />
          ) : (
            <section className="vs-print-summary" aria-label={`Samenvatting ${formatAddressKey(m.items[index]!.household_key)}`}>
              <h2>{formatAddressKey(m.items[index]!.household_key)}</h2>
              <p>{RESIDENTS_CHANGED_ITEM}: de samenvatting van toen wordt niet meer getoond.</p>
            </section>
          )}
        </div>
      ))}
    </div>
  );
}
