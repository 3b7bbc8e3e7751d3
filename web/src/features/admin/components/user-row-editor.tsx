import { Button, Checkbox, Select, SelectOption, TableCell, TableRow, Textbox } from '@utrecht/component-library-react';
import type { UserItem } from '@vroegsignaal/shared/api/admin';
import type { Role } from '@vroegsignaal/shared/api/auth';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/query-state.tsx';
import { useUser } from '../../../lib/auth.ts';
import { formatDate } from '../../../lib/format.ts';
import { ROLE_LABELS, ROLES } from '../../../lib/roles.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { ResetUser } from './reset-user.tsx';
import { WijkenChoice } from './wijken-choice.tsx';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w) => b.includes(w));

/** One user with editable role, wijken (chosen from the known ones, wijkteam only), e-mail address (for notifications) and active flag. */
export function UserRowEditor({ user, knownWijken }: { user: UserItem; knownWijken: readonly string[] }) {
  const [role, setRole] = useState<Role>(user.role);
  const [wijken, setWijken] = useState<string[]>(user.wijken);
  const [active, setActive] = useState(user.active);
  const [email, setEmail] = useState(user.email ?? '');
  const update = useUpdateUser();
  // The server refuses a beheerder's change of their own role: the choice is not offered.
  const own = useUser().username === user.username;
  const provider = user.sign_in === 'organisatie';
  const chosen = role === 'wijkteam' ? wijken : [];
  const accessChanged = role !== user.role || !same(chosen, user.wijken) || active !== user.active;
  const emailChanged = email.trim() !== (user.email ?? '');
  const changed = accessChanged || emailChanged;
  // Only a change of access ends the user's sessions: a new address alone is sent alone.
  const onSave = () =>
    update.mutate({
      id: user.id,
      body: {
        ...(accessChanged ? { role, wijken: chosen, active } : {}),
        ...(emailChanged ? { email: email.trim() === '' ? null : email.trim() } : {}),
      },
    });
  return (
    <TableRow>
      <TableCell>
        <strong>{user.username}</strong>
        <div className="vs-small vs-muted">sinds {formatDate(user.created_at)}</div>
        <div className="vs-small vs-muted">
          tweede factor: {user.second_factor ? 'ja' : 'nee'}
          {user.reset_pending ? ', wacht op nieuw wachtwoord' : ''}
          {provider ? ', meldt zich aan via de organisatie' : ''}
        </div>
      </TableCell>
      <TableCell>
        <Select aria-label={`Rol van ${user.username}`} disabled={own} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <SelectOption key={r} value={r}>
              {ROLE_LABELS[r]}
            </SelectOption>
          ))}
        </Select>
        {own ? <div className="vs-small vs-muted">Uw eigen rol wijzigt een andere beheerder.</div> : null}
      </TableCell>
      <TableCell>
        {role === 'wijkteam' ? (
          <details>
            <summary>
              {wijken.length ? wijken.join(', ') : 'Nog geen wijk'} <span className="vs-visually-hidden">(wijken van {user.username} kiezen)</span>
            </summary>
            <WijkenChoice legend={`Wijken van ${user.username}`} known={knownWijken} value={wijken} onChange={setWijken} />
          </details>
        ) : (
          <span className="vs-muted">Alleen voor een wijkteam</span>
        )}
      </TableCell>
      <TableCell>
        <Textbox type="email" aria-label={`E-mailadres van ${user.username}`} value={email} onChange={(e) => setEmail(e.target.value)} />
      </TableCell>
      <TableCell>
        <Checkbox aria-label={`${user.username} actief`} checked={active} onChange={(e) => setActive(e.target.checked)} />
      </TableCell>
      <TableCell>
        <Button appearance="secondary-action-button" disabled={!changed || update.isPending} busy={update.isPending} onClick={onSave}>
          Opslaan
        </Button>
        {update.isError ? <ErrorMessage error={update.error} title="Opslaan mislukt" /> : null}
        {provider ? null : <ResetUser user={user} />}
        {update.isSuccess && !changed ? (
          <span className="vs-small" role="status">
            {' '}
            Opgeslagen.
          </span>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
