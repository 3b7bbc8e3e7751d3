import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { OffListItem } from '@vroegsignaal/shared/api/open-work';
import { paths } from '../../config/paths.ts';
import { formatAddressKey, formatDate } from '../../lib/format.ts';
import { RouterLink } from '../ui/router-link.tsx';
import { TableWrap } from '../ui/table-wrap.tsx';
import { TriageBadge } from '../ui/triage-badge.tsx';
import { CloseEarlierCase } from './close-earlier-case.tsx';

/** Open cases whose household left the list: they stay on the worklist until someone closes them. */
export function OffListTable({ items }: { items: readonly OffListItem[] }) {
  return (
    <section aria-labelledby="off-list-title" className="vs-panel">
      <Heading2 id="off-list-title">Van de lijst af, nog niet afgesloten</Heading2>
      {items.length === 0 ? (
        <Paragraph>Geen open zaken van huishoudens die niet meer op de lijst staan.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Deze huishoudens staan niet meer op de lijst, of er woont een ander gezin, maar hun zaak is nog open. Sluit de zaak af als er niets meer te doen is.
          </Paragraph>
          <TableWrap caption="Open zaken van huishoudens die van de lijst af zijn">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Adres</TableHeaderCell>
                <TableHeaderCell scope="col">Wijk</TableHeaderCell>
                <TableHeaderCell scope="col">Laatst op de lijst</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Toegewezen aan</TableHeaderCell>
                <TableHeaderCell scope="col">Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.flag_id}>
                  <TableCell className="vs-nowrap">
                    {i.residents_changed ? (
                      <>
                        {formatAddressKey(i.household_key)}
                        <br />
                        <span className="vs-residents-changed">Bewoners veranderd</span>
                      </>
                    ) : (
                      <RouterLink to={paths.family.to(i.flag_id)}>{formatAddressKey(i.household_key)}</RouterLink>
                    )}
                  </TableCell>
                  <TableCell>{i.wijk}</TableCell>
                  <TableCell className="vs-nowrap">{formatDate(i.last_on_list)}</TableCell>
                  <TableCell>
                    <TriageBadge status={i.triage_status} />
                  </TableCell>
                  <TableCell>{i.assigned_to ?? <span className="vs-muted">Niemand</span>}</TableCell>
                  <TableCell>{i.residents_changed ? <CloseEarlierCase item={i} /> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </TableWrap>
        </>
      )}
    </section>
  );
}
