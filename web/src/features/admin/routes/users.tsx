import { TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryState } from '../../../components/ui/query-state.tsx';
import { usersQueryOptions } from '../api/get-users.ts';
import { knownWijkenQueryOptions } from '../api/get-wijken.ts';
import '../admin.css';
import { CreateUserForm } from '../components/create-user-form.tsx';
import { UserRowEditor } from '../components/user-row-editor.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';

/** Users, their roles and the wijken a wijkteam member works in. */
export default function UsersRoute() {
  const users = useQuery(usersQueryOptions());
  const wijken = useQuery(knownWijkenQueryOptions());
  const known = wijken.data ?? [];
  return (
    <>
      <PageTitle title="Gebruikers" intro="Rollen en wijktoewijzingen. Een wijkteamlid ziet alleen huishoudens in de eigen wijken." />
      <CreateUserForm knownWijken={known} />
      <QueryState query={users} isEmpty={(u) => u.length === 0} empty="Er zijn nog geen gebruikers.">
        {(list) => (
          <TableWrap caption="Gebruikers">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Gebruiker</TableHeaderCell>
                <TableHeaderCell scope="col">Rol</TableHeaderCell>
                <TableHeaderCell scope="col">Wijken</TableHeaderCell>
                <TableHeaderCell scope="col">E-mail (meldingen)</TableHeaderCell>
                <TableHeaderCell scope="col">Actief</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="vs-visually-hidden">Acties</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((u) => (
                <UserRowEditor key={`${u.id}-${u.role}-${u.wijken.join()}-${u.active}`} user={u} knownWijken={known} />
              ))}
            </TableBody>
          </TableWrap>
        )}
      </QueryState>
    </>
  );
}
