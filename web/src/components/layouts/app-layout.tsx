import { Button } from '@utrecht/component-library-react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { paths } from '../../config/paths.ts';
import { useLogout, useUser } from '../../lib/auth.ts';
import { menuFor, ROLE_LABELS } from '../../lib/roles.ts';

/** Header with the role's navigation, the user and logout; the page below. */
export function AppLayout() {
  const user = useUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const items = menuFor(user.role);
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) });
  return (
    <div className="vs-app">
      <a href="#main" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        Naar de inhoud
      </a>
      <header className="vs-header">
        <div className="vs-header__inner">
          <NavLink to={paths.home} className="vs-brand">
            Vroegsignaal
          </NavLink>
          <div className="vs-user">
            <span>
              <span className="vs-user__name">{user.username}</span>
              <span className="vs-user__role">{ROLE_LABELS[user.role]}</span>
            </span>
            <Button appearance="secondary-action-button" onClick={onLogout} busy={logout.isPending}>
              Uitloggen
            </Button>
          </div>
        </div>
        <nav className="vs-nav" aria-label="Hoofdmenu">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end className={({ isActive }) => (isActive ? 'vs-nav__link vs-nav__link--active' : 'vs-nav__link')}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="vs-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="vs-footer">Een signaal is een reden om te kijken, geen besluit. Alle inzage in gegevens van huishoudens wordt vastgelegd.</footer>
    </div>
  );
}
