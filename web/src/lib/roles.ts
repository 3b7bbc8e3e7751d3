import type { Role } from '@vroegsignaal/shared/api/auth';
import { paths } from '../config/paths.ts';

export type { Role };
// A local copy: importing the schema module would pull TypeBox into the bundle.
export const ROLES: readonly Role[] = ['coordinator', 'wijkteam', 'beleidsmaker', 'beheerder', 'privacy'];

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coördinator zorgnetwerk',
  wijkteam: 'Wijkteam',
  beleidsmaker: 'Beleidsmaker',
  beheerder: 'Beheerder',
  privacy: 'Privacyfunctionaris',
};

/** The page a role lands on after logging in. */
export const ROLE_HOME: Record<Role, string> = {
  coordinator: paths.coordinator.weekList,
  wijkteam: paths.wijkteam.mine,
  beleidsmaker: paths.policy.ruleSets,
  beheerder: paths.admin.sources,
  privacy: paths.privacy.requests,
};

export interface NavItem {
  to: string;
  label: string;
}

export const ROLE_NAV: Record<Role, NavItem[]> = {
  coordinator: [
    { to: paths.coordinator.weekList, label: 'Signalen van de week' },
    { to: paths.coordinator.openWork, label: 'Openstaand werk' },
    { to: paths.coordinator.meetings, label: 'Zorgnetwerk' },
    { to: paths.coordinator.charts, label: 'Grafieken' },
  ],
  wijkteam: [{ to: paths.wijkteam.mine, label: 'Mijn signalen' }],
  beleidsmaker: [
    { to: paths.policy.ruleSets, label: 'Regels' },
    { to: paths.policy.trends, label: 'Trends en eerlijkheid' },
    { to: paths.policy.register, label: 'Algoritmeregister' },
  ],
  beheerder: [
    { to: paths.admin.sources, label: 'Bronnen' },
    { to: paths.admin.jobs, label: 'Taken' },
    { to: paths.admin.ingest, label: 'Leveringen' },
    { to: paths.admin.users, label: 'Gebruikers' },
    { to: paths.admin.audit, label: 'Auditlog' },
    { to: paths.admin.dpia, label: 'DPIA' },
    { to: paths.admin.marks, label: 'Correcties' },
  ],
  privacy: [
    { to: paths.privacy.requests, label: 'Verzoeken' },
    { to: paths.privacy.corrections, label: 'Correctie en bezwaar' },
  ],
};

/** The main menu of a role: its own pages, then the e-mail settings, the second factor and the explanation every role may read. */
export function menuFor(role: Role): NavItem[] {
  return [
    ...ROLE_NAV[role],
    { to: paths.notifications, label: 'Meldingen' },
    { to: paths.secondFactor, label: 'Tweede factor' },
    { to: paths.howItWorksInApp, label: 'Hoe werkt het?' },
  ];
}
